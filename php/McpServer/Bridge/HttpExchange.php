<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Bridge;

/**
 * The raw HTTP request as the extension reads it: $_SERVER (method and headers; the extension
 * never reads the credentials in it) and the body, read only as far as the extension's limit.
 */
final class HttpExchange
{
    /**
     * @param array<string, mixed> $server
     * @return array{server: array<string, mixed>, body: string}
     */
    public static function readRequest(array $server, int $maxBodyBytes): array
    {
        $stream = @fopen('php://input', 'rb');
        $body = $stream === false ? false : stream_get_contents($stream, $maxBodyBytes);
        if ($stream !== false) {
            fclose($stream);
        }
        return ['server' => $server, 'body' => is_string($body) ? $body : ''];
    }
}
