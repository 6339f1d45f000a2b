<?php

declare(strict_types=1);

namespace Piwik\DataTable;

use Piwik\DataTable;

/** Tables keyed by period label (multi-period answers). */
class Map implements DataTableInterface
{
    /** @var array<string, DataTable> */
    private $tables;

    /** @param array<string, DataTable> $tables */
    public function __construct(array $tables)
    {
        $this->tables = $tables;
    }

    public function getDataTables()
    {
        return $this->tables;
    }

    public function toRenderable()
    {
        $out = [];
        foreach ($this->tables as $label => $table) {
            $out[$label] = $table->toRenderable();
        }
        return (object) $out;
    }
}
