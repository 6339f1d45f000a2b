<?php

declare(strict_types=1);

namespace Piwik\DataTable;

interface DataTableInterface
{
}
