<?php

declare(strict_types=1);

namespace Piwik;

class DbHelper
{
    /**
     * CREATE TABLE IF NOT EXISTS with a MySQL column definition; the MySQL-only inline INDEX
     * clauses become separate SQLite indexes.
     */
    public static function createTable($nameWithoutPrefix, $createDefinition)
    {
        $table = Common::prefixTable($nameWithoutPrefix);
        $indexes = [];
        $definition = preg_replace_callback('/,\s*(?:INDEX|KEY)\s+(\w+)\s*\(([^)]*)\)/i', static function ($m) use (&$indexes) {
            $indexes[$m[1]] = $m[2];
            return '';
        }, $createDefinition);
        Db::exec("CREATE TABLE IF NOT EXISTS $table ($definition)");
        foreach ($indexes as $name => $columns) {
            Db::exec("CREATE INDEX IF NOT EXISTS {$table}_$name ON $table ($columns)");
        }
    }

    public static function tableExists($tableName)
    {
        return Db::fetchOne("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", [$tableName]) !== false;
    }
}
