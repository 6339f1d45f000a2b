<?php

declare(strict_types=1);

namespace Piwik;

use Piwik\DataTable\DataTableInterface;

/**
 * A report table of the stand-in: rows as Matomo's JSON renderer would print them, plus the row
 * count before filter_limit. `$single` marks a table of one row without dimension, which Matomo
 * renders as an object.
 */
class DataTable implements DataTableInterface
{
    public const TOTAL_ROWS_BEFORE_LIMIT_METADATA_NAME = 'total_rows_before_limit';

    /** @var array<int, array<string, mixed>> */
    private $rows;
    /** @var bool */
    private $single;
    /** @var array<string, mixed> */
    private $metadata = [];

    /** @param array<int, array<string, mixed>> $rows */
    public function __construct(array $rows = [], bool $single = false)
    {
        $this->rows = $rows;
        $this->single = $single;
    }

    public function getRowsCount()
    {
        return count($this->rows);
    }

    public function getMetadata($name)
    {
        return $this->metadata[$name] ?? false;
    }

    public function setMetadata($name, $value)
    {
        $this->metadata[$name] = $value;
    }

    /** @return mixed what the JSON renderer prints */
    public function toRenderable()
    {
        return $this->single ? ($this->rows[0] ?? new \stdClass()) : $this->rows;
    }
}
