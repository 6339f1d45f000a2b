<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer;

use Piwik\Container\StaticContainer;
use Piwik\Log\LoggerInterface;
use Piwik\Plugins\McpServer\Bridge\MatomoHost;

class Tasks extends \Piwik\Plugin\Tasks
{
    public function schedule()
    {
        $this->hourly('cleanupExpiredSessions');
    }

    /** Expired sessions are also removed when read; this catches the ones nobody reads again. */
    public function cleanupExpiredSessions(): void
    {
        if (!function_exists('matomo_mcp_collect_expired_sessions')) {
            StaticContainer::get(LoggerInterface::class)->warning(
                'McpServer: the matomo_mcp extension is not loaded in this PHP (' . PHP_SAPI . '); '
                . 'expired MCP sessions were not removed.'
            );
            return;
        }
        \matomo_mcp_collect_expired_sessions(new MatomoHost());
    }
}
