<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer;

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
        if (function_exists('matomo_mcp_collect_expired_sessions')) {
            \matomo_mcp_collect_expired_sessions(new MatomoHost());
        }
    }
}
