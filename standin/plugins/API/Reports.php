<?php

declare(strict_types=1);

namespace Piwik\Plugins\API;

use Piwik\DataTable;
use Piwik\DataTable\Map;
use Piwik\Fixtures\Fixtures;

/**
 * Report answers of the stand-in: the captured API.getProcessedReport calls of the fixtures,
 * found by their parameters, paginated the way Matomo applies filter_limit/filter_offset; and one
 * SYNTHETIC large report (Actions.getPageTitles, period year) for the byte-budget tests.
 */
final class Reports
{
    private const OPTIONAL = ['segment', 'idGoal', 'idDimension', 'flat'];
    public const SYNTHETIC_ROWS = 400;

    /** @param array<string, mixed> $request */
    public static function find(array $request): ?array
    {
        if (($request['apiModule'] ?? '') === 'Actions' && ($request['apiAction'] ?? '') === 'getPageTitles' && ($request['period'] ?? '') === 'year') {
            return self::synthetic();
        }
        $index = json_decode((string) file_get_contents(STANDIN_ROOT . '/fixtures/matomo-5.1.2/index.json'), true);
        foreach ($index as $entry) {
            if ($entry['method'] !== 'API.getProcessedReport' || $entry['as'] !== 'viewer') {
                continue;
            }
            if (self::matches($entry['params'], $request)) {
                return Fixtures::response($entry['file']);
            }
        }
        return null;
    }

    private static function matches(array $captured, array $request): bool
    {
        foreach ($captured as $key => $value) {
            if ($key !== 'filter_limit' && (string) ($request[$key] ?? '') !== (string) $value) {
                return false;
            }
        }
        foreach (self::OPTIONAL as $key) {
            $given = isset($request[$key]) && $request[$key] !== '' && $request[$key] !== false;
            if ($given !== array_key_exists($key, $captured)) {
                return false;
            }
        }
        return true;
    }

    /** 400 page titles of a made-up year: only for exercising pagination and size budgets. */
    private static function synthetic(): array
    {
        $rows = [];
        $meta = [];
        for ($i = 1; $i <= self::SYNTHETIC_ROWS; $i++) {
            $rows[] = ['label' => sprintf('Synthetic page title number %03d - a title long enough that 250 of these rows exceed the default size budget of a report answer, as long page titles do in real sites with verbose titles and breadcrumbs', $i),
                'nb_visits' => 1000 - $i, 'nb_hits' => 2000 - 2 * $i, 'bounce_rate' => ($i % 90) . '%'];
            $meta[] = ['segment' => 'pageTitle==Synthetic%2520page%2520' . $i];
        }
        return [
            'website' => 'Site A', 'prettyDate' => '2025',
            'metadata' => ['name' => 'Page titles', 'category' => 'Actions', 'module' => 'Actions', 'action' => 'getPageTitles'],
            'columns' => ['label' => 'Page Name', 'nb_hits' => 'Pageviews', 'nb_visits' => 'Unique Pageviews', 'bounce_rate' => 'Bounce Rate'],
            'reportData' => $rows, 'reportMetadata' => $meta, 'reportTotal' => ['nb_visits' => 319800],
        ];
    }

    /**
     * The captured JSON answer as Matomo's format=original would hand it over: reportData and
     * reportMetadata as DataTables (a Map for several periods), list tables paginated.
     */
    public static function asOriginal(array $answer, int $limit, int $offset): array
    {
        $data = $answer['reportData'];
        $meta = $answer['reportMetadata'] ?? [];
        if (self::isList($data)) {
            // Matomo's getProcessedReport builds a new table for one period and keeps no count
            // of the rows before the limit (ProcessedReport::handleSimpleDataTable, 5.1)
            $table = new DataTable(array_slice($data, $offset, $limit < 0 ? null : $limit));
            $answer['reportData'] = $table;
            $answer['reportMetadata'] = new DataTable(array_slice((array) $meta, $offset, $limit < 0 ? null : $limit));
        } elseif (self::isPerPeriod($data)) {
            $tables = [];
            $metas = [];
            foreach ($data as $label => $rows) {
                $tables[$label] = self::isList($rows) ? new DataTable($rows) : new DataTable([$rows], true);
                $metas[$label] = new DataTable((array) ($meta[$label] ?? []));
            }
            $answer['reportData'] = new Map($tables);
            $answer['reportMetadata'] = new Map($metas);
        } else {
            $answer['reportData'] = new DataTable([$data], true);
            $answer['reportMetadata'] = new DataTable([]);
        }
        return $answer;
    }

    private static function isList($value): bool
    {
        return is_array($value) && array_is_list($value);
    }

    private static function isPerPeriod($value): bool
    {
        if (!is_array($value) || $value === [] || array_is_list($value)) {
            return false;
        }
        foreach ($value as $item) {
            if (!is_array($item)) {
                return false;
            }
        }
        return true;
    }
}
