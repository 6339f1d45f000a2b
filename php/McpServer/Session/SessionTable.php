<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Session;

use Piwik\Common;
use Piwik\Db;
use Piwik\DbHelper;

/**
 * The table of MCP sessions in Matomo's database. The bridge (MatomoHost) reads and writes its
 * rows for the extension, which decides everything about sessions.
 */
final class SessionTable
{
    public const NAME = 'mcp_session';

    public static function name(): string
    {
        return Common::prefixTable(self::NAME);
    }

    public static function create(): void
    {
        DbHelper::createTable(self::NAME, '
            id VARCHAR(191) NOT NULL,
            login VARCHAR(100) NOT NULL,
            expires_at INT UNSIGNED NOT NULL,
            data MEDIUMTEXT NOT NULL,
            PRIMARY KEY (id),
            INDEX index_expires_at (expires_at)');
    }

    public static function drop(): void
    {
        if (DbHelper::tableExists(self::name())) {
            Db::dropTables(self::name());
        }
    }
}
