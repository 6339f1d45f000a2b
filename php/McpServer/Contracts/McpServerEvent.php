<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Contracts;

/**
 * Posted as McpServer.serverEvent once per completed MCP request (initialize, notifications,
 * tools/list, tools/call, ...). Observers must not fail: exceptions are logged and ignored.
 */
final class McpServerEvent
{
    /** @var string */
    public $method;
    /** @var string|null */
    public $sessionId;
    /** @var string|null */
    public $toolName;
    /** @var bool */
    public $isError;
    /** @var float */
    public $durationMs;
    /** @var string */
    public $protocolVersion;
    /** @var string */
    public $clientName;
    /** @var string */
    public $clientVersion;

    /** @param array<string, mixed> $event as the extension reports it */
    public static function fromArray(array $event): self
    {
        $e = new self();
        $e->method = (string) ($event['method'] ?? '');
        $e->sessionId = isset($event['sessionId']) ? (string) $event['sessionId'] : null;
        $e->toolName = isset($event['toolName']) ? (string) $event['toolName'] : null;
        $e->isError = (bool) ($event['isError'] ?? false);
        $e->durationMs = (float) ($event['durationMs'] ?? 0);
        $e->protocolVersion = (string) ($event['protocolVersion'] ?? '');
        $e->clientName = (string) ($event['clientName'] ?? '');
        $e->clientVersion = (string) ($event['clientVersion'] ?? '');
        return $e;
    }
}
