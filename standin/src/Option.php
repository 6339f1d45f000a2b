<?php

declare(strict_types=1);

namespace Piwik;

/** Matomo's option table (name -> value), on the stand-in's SQLite database. */
class Option
{
    private static function table(): string
    {
        Db::exec('CREATE TABLE IF NOT EXISTS ' . Common::prefixTable('option')
            . ' (option_name VARCHAR(191) PRIMARY KEY, option_value TEXT NOT NULL, autoload INT NOT NULL DEFAULT 1)');
        return Common::prefixTable('option');
    }

    public static function get($name)
    {
        return Db::fetchOne('SELECT option_value FROM ' . self::table() . ' WHERE option_name = ?', [$name]);
    }

    public static function set($name, $value, $autoload = 0)
    {
        Db::query('INSERT OR REPLACE INTO ' . self::table() . ' (option_name, option_value, autoload) VALUES (?, ?, ?)', [$name, (string) $value, (int) $autoload]);
    }

    public static function delete($name, $value = null)
    {
        Db::query('DELETE FROM ' . self::table() . ' WHERE option_name = ?', [$name]);
    }
}
