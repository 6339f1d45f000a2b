<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Session;

use Piwik\Common;
use Piwik\Db;
use Piwik\DbHelper;

/**
 * Storage of MCP sessions in Matomo's database, shared by every php-fpm worker and web node.
 * The extension decides everything about sessions; this class only reads and writes rows, and
 * every write is scoped to the session's own login.
 */
final class SessionTable
{
    public const NAME = 'mcp_session';

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
        $table = Common::prefixTable(self::NAME);
        if (DbHelper::tableExists($table)) {
            Db::dropTables($table);
        }
    }

    private static function table(): string
    {
        return Common::prefixTable(self::NAME);
    }

    /** @return array{id: string, login: string, expires_at: int, data: string}|null */
    public function load(string $id): ?array
    {
        $row = Db::fetchRow('SELECT id, login, expires_at, data FROM ' . self::table() . ' WHERE id = ?', [$id]);
        if (empty($row)) {
            return null;
        }
        return [
            'id' => (string) $row['id'],
            'login' => (string) $row['login'],
            'expires_at' => (int) $row['expires_at'],
            'data' => (string) $row['data'],
        ];
    }

    public function insert(string $id, string $login, int $expiresAt, string $data): void
    {
        Db::query(
            'INSERT INTO ' . self::table() . ' (id, login, expires_at, data) VALUES (?, ?, ?, ?)',
            [$id, $login, $expiresAt, $data]
        );
    }

    public function touch(string $id, string $login, int $expiresAt): void
    {
        Db::query(
            'UPDATE ' . self::table() . ' SET expires_at = ? WHERE id = ? AND login = ?',
            [$expiresAt, $id, $login]
        );
    }

    public function delete(string $id, string $login): void
    {
        Db::query('DELETE FROM ' . self::table() . ' WHERE id = ? AND login = ?', [$id, $login]);
    }

    public function deleteExpired(int $now): int
    {
        $statement = Db::query('DELETE FROM ' . self::table() . ' WHERE expires_at <= ?', [$now]);
        return is_object($statement) && method_exists($statement, 'rowCount') ? (int) $statement->rowCount() : 0;
    }
}
