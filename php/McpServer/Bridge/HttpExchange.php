<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Bridge;

/**
 * The raw HTTP request as the extension needs it, and the response it decided on.
 */
final class HttpExchange
{
    /**
     * @param array<string, mixed> $server
     * @return array{method: string, headers: array<string, string>, body: string}
     */
    public static function readRequest(array $server, int $maxBodyBytes): array
    {
        $headers = [];
        foreach ($server as $key => $value) {
            if (!is_string($value)) {
                continue;
            }
            if (strpos($key, 'HTTP_') === 0) {
                $headers[strtolower(str_replace('_', '-', substr($key, 5)))] = $value;
            } elseif ($key === 'CONTENT_TYPE' || $key === 'CONTENT_LENGTH') {
                $headers[strtolower(str_replace('_', '-', $key))] = $value;
            }
        }
        // credentials are Matomo's business, never the MCP core's
        unset($headers['authorization'], $headers['cookie']);
        return [
            'method' => strtoupper((string) ($server['REQUEST_METHOD'] ?? 'GET')),
            'headers' => $headers,
            'body' => self::readBody($maxBodyBytes),
        ];
    }

    private static function readBody(int $maxBytes): string
    {
        $stream = @fopen('php://input', 'rb');
        if ($stream === false) {
            return '';
        }
        $body = stream_get_contents($stream, $maxBytes);
        fclose($stream);
        return is_string($body) ? $body : '';
    }
}
