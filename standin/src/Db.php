<?php

declare(strict_types=1);

namespace Piwik;

/** Matomo's static database facade, on one SQLite file shared by every PHP worker. */
class Db
{
    /** @var \PDO|null */
    private static $pdo;

    public static function get(): \PDO
    {
        if (self::$pdo === null) {
            self::$pdo = new \PDO('sqlite:' . STANDIN_DATA . '/matomo.sqlite', null, null, [
                \PDO::ATTR_ERRMODE => \PDO::ERRMODE_EXCEPTION,
                \PDO::ATTR_DEFAULT_FETCH_MODE => \PDO::FETCH_ASSOC,
                \PDO::ATTR_TIMEOUT => 10,
            ]);
            self::$pdo->exec('PRAGMA journal_mode = WAL');
        }
        return self::$pdo;
    }

    public static function query($sql, $parameters = [])
    {
        $statement = self::get()->prepare($sql);
        $statement->execute(array_values((array) $parameters));
        return $statement;
    }

    public static function exec($sql)
    {
        return self::get()->exec($sql);
    }

    public static function fetchAll($sql, $parameters = [])
    {
        return self::query($sql, $parameters)->fetchAll();
    }

    public static function fetchRow($sql, $parameters = [])
    {
        return self::query($sql, $parameters)->fetch() ?: false;
    }

    public static function fetchOne($sql, $parameters = [])
    {
        $value = self::query($sql, $parameters)->fetchColumn();
        return $value === false ? false : $value;
    }

    /** Like Matomo: no IF EXISTS, a missing table is an error. */
    public static function dropTables($tables)
    {
        foreach ((array) $tables as $table) {
            self::exec('DROP TABLE ' . $table);
        }
    }
}
