<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer;

use Piwik\Container\StaticContainer;
use Piwik\Http\BadRequestException;
use Piwik\Log\LoggerInterface;
use Piwik\Piwik;
use Piwik\Plugins\McpServer\Diagnostic\AuthorizationHeaderWatch;
use Piwik\Plugins\McpServer\Bridge\EndpointFacts;
use Piwik\Plugins\McpServer\Bridge\Extension;
use Piwik\Plugins\McpServer\Bridge\HttpExchange;
use Piwik\Plugins\McpServer\Bridge\MatomoHost;
use Piwik\Plugins\McpServer\Bridge\McpResponse;
use Piwik\Plugins\McpServer\Contracts\McpServerEvent;

/**
 * The MCP endpoint: index.php?module=API&method=McpServer.mcp&format=mcp
 *
 * @internal
 */
class API extends \Piwik\Plugin\API
{
    /**
     * Answers one MCP Streamable HTTP request. Every decision (access checks, protocol, sessions,
     * tools) is taken by the matomo_mcp extension; this method hands it the request and Matomo.
     *
     * @internal
     * @return McpResponse
     */
    public function mcp()
    {
        $missing = Extension::missing();
        if ($missing !== null) {
            StaticContainer::get(LoggerInterface::class)->error('McpServer: ' . $missing);
            return McpResponse::serverMisconfigured($missing);
        }
        AuthorizationHeaderWatch::observe($_SERVER, time());
        $request = HttpExchange::readRequest($_SERVER, (int) \matomo_mcp_max_body_bytes());
        $facts = EndpointFacts::collect(StaticContainer::get(SystemSettings::class));
        $answer = \matomo_mcp_handle($request, $facts, new MatomoHost());
        if (is_string($answer['matomo_error'] ?? null)) {
            // not an MCP request at all (format other than mcp): Matomo's normal API error
            throw new BadRequestException($answer['matomo_error']);
        }
        if (is_array($answer['event'] ?? null)) {
            self::publish($answer['event']);
        }
        return new McpResponse($answer);
    }

    /** @param array<string, mixed> $event */
    private static function publish(array $event): void
    {
        try {
            Piwik::postEvent('McpServer.serverEvent', [McpServerEvent::fromArray($event)]);
        } catch (\Throwable $e) {
            $logger = StaticContainer::get(LoggerInterface::class);
            $logger->debug('McpServer.serverEvent observer failed: ' . $e->getMessage());
        }
    }
}
