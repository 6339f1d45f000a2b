<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer;

use Piwik\Container\StaticContainer;
use Piwik\Log\LoggerInterface;
use Piwik\Plugins\McpServer\Bridge\Extension;
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
        $missing = Extension::missing();
        if ($missing !== null) {
            StaticContainer::get(LoggerInterface::class)->warning('McpServer: expired sessions stay: ' . $missing);
            return;
        }
        \matomo_mcp_collect_expired_sessions(new MatomoHost());
    }
}
