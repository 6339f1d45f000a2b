<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Bridge;

/**
 * What the endpoint answers, exactly as the extension decided it. Written out by the format=mcp
 * renderer.
 */
final class McpResponse
{
    /** @var array{status: int, headers: list<array{0: string, 1: string}>, body: string} */
    public $answer;

    /** @param array{status: int, headers: list<array{0: string, 1: string}>, body: string} $answer */
    public function __construct(array $answer)
    {
        $this->answer = $answer;
    }

    /** The answer to format=mcp on an API method other than the endpoint (which did not run). */
    public static function formatMisuse(): self
    {
        if (!function_exists('matomo_mcp_exception_response')) {
            return self::serverMisconfigured('format=mcp can only be used with method=McpServer.mcp.');
        }
        return new self(\matomo_mcp_exception_response('format_misuse', '', ''));
    }

    /**
     * Used only when the extension itself is unavailable: a JSON-RPC error for the client with a
     * message for the Matomo administrator.
     */
    public static function serverMisconfigured(string $message): self
    {
        $body = json_encode(
            ['jsonrpc' => '2.0', 'id' => '', 'error' => ['code' => -32603, 'message' => $message]],
            JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
        );
        $headers = [['Content-Type', 'application/json']];
        return new self(['status' => 500, 'headers' => $headers, 'body' => (string) $body]);
    }
}
