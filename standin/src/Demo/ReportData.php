<?php

declare(strict_types=1);

namespace Piwik\Demo;

use Piwik\Access;
use Piwik\DataTable;
use Piwik\DataTable\Map;

/**
 * A report's rows for a site, period, date and segment, from the generated visits: as the plain
 * API hands them over (a DataTable, or a Map keyed by period for several periods), sorted and
 * cut by filter_limit/filter_offset as Matomo's generic filters do.
 */
final class ReportData
{
    /** The plain API's answer (format=original). */
    public static function table(int $idSite, string $method, array $request): DataTable\DataTableInterface
    {
        $spec = Dimensions::of($method, $request);
        if ($spec === null) {
            $spec = ['family' => 'none'];
        }
        $resolved = self::periods($idSite, $request);
        $tables = [];
        foreach ($resolved['periods'] as $p) {
            $rows = self::rows($idSite, $method, $spec, $p, $request);
            $tables[Periods::key((string) $request['period'], $p)] = self::asTable($rows, $spec, $request);
        }
        return $resolved['multi'] ? new Map($tables) : reset($tables);
    }

    /** @return array{multi: bool, periods: list<array{0: string, 1: string}>} */
    public static function periods(int $idSite, array $request): array
    {
        return Periods::resolve(
            (string) ($request['period'] ?? ''),
            (string) ($request['date'] ?? ''),
            Clock::today($idSite),
            Clock::rangeEnd($idSite)
        );
    }

    /**
     * Rows of one period: label, metrics (raw and processed), metadata, sorted as Matomo sorts
     * reports (most visits, hits or events first).
     *
     * @return list<array{label: string, metrics: array<string, mixed>, meta: array<string, mixed>}>
     */
    public static function rows(int $idSite, string $method, array $spec, array $period, array $request): array
    {
        $visits = self::visits($idSite, $period, (string) ($request['segment'] ?? ''));
        $family = $spec['family'];
        if ($family === 'summary') {
            return [['label' => '', 'metrics' => self::summary($method, $visits, $request), 'meta' => []]];
        }
        if ($family === 'sites') {
            return self::sites($request, $period);
        }
        if ($family === 'none') {
            return [];
        }
        $parentLabel = null;
        if (isset($spec['parent'])) {
            $parentRows = self::rows($idSite, $spec['parent'], Dimensions::of($spec['parent'], $request) ?? [], $period, ['segment' => $request['segment'] ?? ''] + $request);
            $wanted = (int) ($request['idSubtable'] ?? 0);
            foreach ($parentRows as $row) {
                if (($row['meta']['idsubdatatable'] ?? null) === $wanted) {
                    $parentLabel = $row['label'];
                }
            }
            if ($parentLabel === null) {
                return [];
            }
        }
        $counted = Aggregator::rows($visits, $spec, $parentLabel);
        if (!empty($spec['urls'])) {
            return self::pageUrls($idSite, $counted, $request);
        }
        $rows = [];
        foreach ($counted as $label => $metrics) {
            $meta = [];
            if (isset($spec['segment']) && !isset($spec['parent'])) {
                $segment = ($spec['segment'])((string) $label);
                if ($segment !== '') {
                    $meta['segment'] = $segment;
                }
            }
            if (isset($spec['meta'])) {
                $meta += ($spec['meta'])((string) $label);
            }
            $rows[] = ['label' => (string) $label, 'metrics' => $metrics, 'meta' => $meta];
        }
        $rows = self::sorted($rows);
        if (isset($spec['child']) && !isset($spec['parent'])) {
            foreach ($rows as $i => &$row) {
                $row['meta']['idsubdatatable'] = $i + 1;
            }
        }
        return $rows;
    }

    /** The visits of a period up to now, in the segment. */
    private static function visits(int $idSite, array $period, string $segment): array
    {
        $today = Clock::today($idSite);
        $first = Periods::plusDays($today, 1 - VisitLog::DAYS);
        $visits = [];
        for ($day = max($period[0], $first); $day <= min($period[1], $today); $day = Periods::plusDays($day, 1)) {
            $until = $day === $today ? Clock::secondOfDay($idSite) : 86400;
            foreach (VisitLog::day($idSite, $day, $until) as $visit) {
                $visits[] = $visit;
            }
        }
        return $segment === '' ? $visits : SegmentFilter::apply($segment, $visits, $idSite);
    }

    private static function sorted(array $rows): array
    {
        usort($rows, static function (array $a, array $b) {
            $key = static function (array $r) {
                $m = $r['metrics'];
                return $m['nb_visits'] ?? $m['nb_hits'] ?? $m['nb_events'] ?? $m['revenue'] ?? 0;
            };
            return [$key($b), $a['label']] <=> [$key($a), $b['label']];
        });
        return $rows;
    }

    /**
     * Page URLs as Matomo stores them: a tree of directories ("category" holding "/bags"), or
     * full paths with flat=1. Directory rows sum their pages.
     */
    private static function pageUrls(int $idSite, array $counted, array $request): array
    {
        $base = rtrim((string) (Installation::site($idSite)['main_url'] ?? ''), '/');
        $encode = static function (string $url) {
            return rawurlencode(rawurlencode($url));
        };
        $leaf = static function (string $label, string $path, array $metrics) use ($base, $encode) {
            return ['label' => $label, 'metrics' => $metrics,
                'meta' => ['url' => $base . $path, 'segment' => 'pageUrl==' . $encode($base . $path)]];
        };
        if (!empty($request['flat'])) {
            $rows = [];
            foreach ($counted as $path => $metrics) {
                $rows[] = $leaf((string) $path, (string) $path, $metrics);
            }
            return self::sorted($rows);
        }
        $top = [];
        $children = [];
        foreach ($counted as $path => $metrics) {
            $path = (string) $path;
            $parts = explode('/', trim($path, '/'));
            if (count($parts) < 2) {
                $top[] = $leaf($path === '/' ? '/index' : $path, $path, $metrics);
                continue;
            }
            $children[$parts[0]][] = $leaf('/' . implode('/', array_slice($parts, 1)), $path, $metrics);
        }
        ksort($children);
        $id = 0;
        $wanted = (int) ($request['idSubtable'] ?? 0);
        foreach ($children as $dir => $rows) {
            $id++;
            if ($wanted === $id) {
                return self::sorted($rows);
            }
            $top[] = ['label' => (string) $dir, 'metrics' => self::summed(array_column($rows, 'metrics')),
                'meta' => ['segment' => 'pageUrl=^' . $encode("$base/$dir"), 'idsubdatatable' => $id]];
        }
        return $wanted > 0 ? [] : self::sorted($top);
    }

    /** A directory's row: its pages' counts added up, its rates computed again. */
    private static function summed(array $metrics): array
    {
        $sum = [];
        foreach ($metrics as $m) {
            foreach ($m as $k => $v) {
                $sum[$k] = ($sum[$k] ?? 0) + $v;
            }
        }
        $sum['avg_time_on_page'] = (int) round($sum['sum_time_spent'] / max(1, $sum['nb_hits']));
        $sum['bounce_rate'] = Aggregator::rate($sum['entry_bounce_count'], $sum['entry_nb_visits'], 0);
        $sum['exit_rate'] = Aggregator::rate($sum['exit_nb_visits'], $sum['nb_visits'], 0);
        $load = 0.0;
        foreach (['network', 'server', 'transfer', 'dom_processing', 'dom_completion', 'on_load'] as $t) {
            $sum["avg_time_$t"] = round($sum["sum_time_$t"] / max(1, $sum["nb_hits_with_time_$t"]), 3);
            $load += $sum["avg_time_$t"];
        }
        $sum['avg_page_load_time'] = round($load, 3);
        return $sum;
    }

    /** The one-row reports, with the columns each has in Matomo. */
    private const SUMMARY_COLUMNS = [
        'VisitsSummary.get' => ['nb_uniq_visitors', 'nb_users', 'nb_visits', 'nb_actions', 'nb_visits_converted', 'bounce_count',
            'sum_visit_length', 'max_actions', 'bounce_rate', 'nb_actions_per_visit', 'avg_time_on_site'],
        'VisitFrequency.get' => ['/_(new|returning)$/'],
        'PagePerformance.get' => ['/^avg_time_(network|server|transfer|dom_processing|dom_completion|on_load)$/', 'avg_page_load_time'],
        'Actions.get' => ['nb_pageviews', 'nb_uniq_pageviews', 'nb_downloads', 'nb_uniq_downloads', 'nb_outlinks', 'nb_uniq_outlinks',
            'nb_searches', 'nb_keywords'],
        'Referrers.get' => ['/^Referrers_/'],
        // API.get: every one-row report together
        'API.get' => ['/^(nb_|max_actions|bounce_|avg_|sum_visit_length|revenue$|conversion_rate$|Referrers_)/'],
    ];

    private static function summary(string $method, array $visits, array $request): array
    {
        if ($method === 'Goals.get') {
            return Aggregator::goals($visits, (string) ($request['idGoal'] ?? ''));
        }
        $all = Aggregator::summary($visits) + self::channels($visits);
        if ($method === 'API.get') {
            $all = Aggregator::goals($visits, '') + $all;
        }
        $kept = [];
        foreach ($all as $k => $v) {
            foreach (self::SUMMARY_COLUMNS[$method] ?? [] as $column) {
                if ($column === $k || $column[0] === '/' && preg_match($column, $k)) {
                    $kept[$k] = $v;
                }
            }
        }
        // Matomo counts unique visitors and users for days, weeks and months only
        if (in_array($request['period'] ?? '', ['year', 'range'], true)) {
            foreach (array_keys($kept) as $k) {
                if (preg_match('/^nb_(uniq_visitors|users)/', $k)) {
                    unset($kept[$k]);
                }
            }
        }
        return $kept;
    }

    private static function channels(array $visits): array
    {
        $names = ['search' => 'SearchEngines', 'social' => 'SocialNetworks', 'direct' => 'DirectEntry', 'website' => 'Websites',
            'campaign' => 'Campaigns'];
        $out = [];
        foreach ($names as $type => $name) {
            $n = count(array_filter($visits, static function (array $v) use ($type) {
                return $v['referrer']['type'] === $type;
            }));
            $out["Referrers_visitorsFrom$name"] = $n;
            $out["Referrers_visitorsFrom{$name}_percent"] = Aggregator::rate($n, count($visits), 0);
        }
        return $out;
    }

    /** MultiSites: each site the user can view, with its change since the period before. */
    private static function sites(array $request, array $period): array
    {
        $rows = [];
        $length = (int) ((strtotime($period[1]) - strtotime($period[0])) / 86400) + 1;
        $previous = [Periods::plusDays($period[0], -$length), Periods::plusDays($period[0], -1)];
        foreach (Access::getInstance()->getSitesIdWithAtLeastViewAccess() as $idSite) {
            $site = Installation::site((int) $idSite);
            if ($site === null) {
                continue;
            }
            $now = self::siteTotals((int) $idSite, $period, (string) ($request['segment'] ?? ''));
            $before = self::siteTotals((int) $idSite, $previous, (string) ($request['segment'] ?? ''));
            $metrics = $now;
            foreach (
                ['nb_visits' => 'visits', 'nb_actions' => 'actions', 'nb_pageviews' => 'pageviews', 'revenue' => 'revenue',
                'nb_conversions' => 'nb_conversions', 'orders' => 'orders', 'ecommerce_revenue' => 'ecommerce_revenue'] as $k => $name
            ) {
                $metrics[$name . '_evolution'] = $before[$k] > 0 ? round(($now[$k] - $before[$k]) / $before[$k], 4) : 0;
                $metrics['previous_' . $k] = $before[$k];
            }
            $rows[] = ['label' => (string) $site['name'], 'metrics' => $metrics,
                'meta' => ['idsite' => (int) $idSite, 'main_url' => $site['main_url'], 'currencySymbol' => $site['currency'] === 'EUR' ? '€' : '$']];
        }
        return self::sorted($rows);
    }

    private static function siteTotals(int $idSite, array $period, string $segment): array
    {
        $visits = self::visits($idSite, $period, $segment);
        $all = Aggregator::summary($visits);
        $orders = Aggregator::goals($visits, 'ecommerceOrder');
        return ['nb_visits' => $all['nb_visits'], 'nb_actions' => $all['nb_actions'], 'nb_pageviews' => $all['nb_pageviews'],
            'revenue' => $all['revenue'], 'nb_conversions' => $all['nb_conversions'], 'orders' => $orders['nb_conversions'],
            'ecommerce_revenue' => $orders['revenue']];
    }

    /** Rows as a DataTable, cut by filter_offset/filter_limit (total rows before the limit kept). */
    private static function asTable(array $rows, array $spec, array $request): DataTable
    {
        if ($spec['family'] === 'summary') {
            $table = new DataTable([self::renderable($rows[0], $request)], true);
            $table->setMetadata(DataTable::TOTAL_ROWS_BEFORE_LIMIT_METADATA_NAME, 1);
            return $table;
        }
        $total = count($rows);
        $limit = (int) ($request['filter_limit'] ?? -1);
        $offset = (int) ($request['filter_offset'] ?? 0);
        $rows = array_slice($rows, $offset, $limit < 0 ? null : $limit);
        $table = new DataTable(array_map(static function (array $row) use ($request) {
            return self::renderable($row, $request);
        }, $rows));
        $table->setMetadata(DataTable::TOTAL_ROWS_BEFORE_LIMIT_METADATA_NAME, $total);
        return $table;
    }

    /** A row as Matomo's renderers print it: label, metrics, then metadata; showColumns/hideColumns applied. */
    private static function renderable(array $row, array $request): array
    {
        $metrics = $row['metrics'];
        $show = array_filter(explode(',', (string) ($request['showColumns'] ?? '')));
        $hide = array_filter(explode(',', (string) ($request['hideColumns'] ?? '')));
        if ($show !== []) {
            $metrics = array_intersect_key($metrics, array_flip($show));
        }
        $metrics = array_diff_key($metrics, array_flip($hide));
        if (strtolower((string) ($_GET['format'] ?? 'original')) !== 'original') {
            foreach ($metrics as $k => $v) {
                $metrics[$k] = Formatter::bc($k, $v);
            }
        }
        $label = $row['label'] === '' ? [] : ['label' => $row['label']];
        return $label + $metrics + $row['meta'];
    }
}
