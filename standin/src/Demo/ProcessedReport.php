<?php

declare(strict_types=1);

namespace Piwik\Demo;

use Piwik\DataTable;
use Piwik\DataTable\Map;
use Piwik\Date;

/**
 * API.getProcessedReport over the demo's visits, in the shape a real Matomo 5.1.2 hands it over
 * (ProcessedReport::getProcessedReport, checked against the bridge recordings): the catalogue
 * entry as metadata, the display columns, rows with metrics formatted for people, row metadata,
 * raw totals. One period keeps no row count before the limit; several periods are keyed by
 * their English names and keep theirs. prettyDate is named from the UTC date, as Matomo does.
 */
final class ProcessedReport
{
    /** @param array<string, mixed> $report the catalogue entry */
    public static function build(int $idSite, array $report, array $request): array
    {
        $method = $report['module'] . '.' . $report['action'];
        $request += is_array($report['parameters'] ?? null) ? $report['parameters'] : [];
        $spec = Dimensions::of($method, $request) ?? ['family' => 'none'];
        $resolved = ReportData::periods($idSite, $request);
        $site = Installation::site($idSite) ?? [];
        $currency = (string) ($site['currency'] ?? 'USD');
        $period = (string) $request['period'];
        $limit = (int) ($request['filter_limit'] ?? -1);
        $offset = (int) ($request['filter_offset'] ?? 0);
        $perPeriod = [];
        foreach ($resolved['periods'] as $p) {
            $perPeriod[Periods::label($period, $p)] = ReportData::rows($idSite, $method, $spec, $p, $request);
        }
        $columns = self::columns($report, $perPeriod, $request);
        if (!empty($request['filter_update_columns_when_show_all_goals'])) {
            $perPeriod = array_map(static function (array $rows) use ($request) {
                return array_map(static function (array $row) use ($request) {
                    return self::withGoalColumns($row, $request);
                }, $rows);
            }, $perPeriod);
            $columns += ['conversion_rate' => 'Conversion Rate', 'revenue' => 'Revenue'];
        }
        $hasDimension = $spec['family'] !== 'summary';
        $data = [];
        $meta = [];
        foreach ($perPeriod as $label => $rows) {
            $page = array_slice($rows, $offset, $limit < 0 ? null : $limit);
            $shown = array_map(static function (array $row) use ($columns, $currency, $request, $hasDimension) {
                return self::row($row, $columns, $currency, !empty($request['showRawMetrics']), $hasDimension);
            }, $page);
            $table = $hasDimension ? new DataTable($shown) : new DataTable($shown, true);
            $metaTable = new DataTable($hasDimension ? array_column($page, 'meta') : []);
            if ($resolved['multi']) {
                $table->setMetadata(DataTable::TOTAL_ROWS_BEFORE_LIMIT_METADATA_NAME, count($rows));
            }
            $data[$label] = $table;
            $meta[$label] = $metaTable;
        }
        $metadata = $report;
        if (!empty($request['hideMetricsDoc'])) {
            unset($metadata['metricsDocumentation']);
        }
        $answer = [
            'website' => (string) ($site['name'] ?? ''),
            'prettyDate' => self::prettyDate($period, (string) $request['date']),
            'metadata' => $metadata,
            'columns' => $columns,
            'reportData' => $resolved['multi'] ? new Map($data) : reset($data),
            'reportMetadata' => $resolved['multi'] ? new Map($meta) : reset($meta),
            'reportTotal' => self::totals($perPeriod),
        ];
        if (!empty($request['showTimer'])) {
            $answer['timerMillis'] = '3';
        }
        return $answer;
    }

    /**
     * The dimension and the catalogue's metrics, without those no row has a value for
     * (ProcessedReport::removeEmptyColumns), then showColumns/hideColumns.
     *
     * @return array<string, string>
     */
    private static function columns(array $report, array $perPeriod, array $request): array
    {
        $columns = isset($report['dimension']) ? ['label' => (string) $report['dimension']] : [];
        foreach (['metrics', 'processedMetrics'] as $kind) {
            foreach ((array) ($report[$kind] ?? []) as $name => $title) {
                $columns[(string) $name] = (string) $title;
            }
        }
        foreach (array_keys($columns) as $name) {
            if ($name === 'label') {
                continue;
            }
            $empty = true;
            foreach ($perPeriod as $rows) {
                foreach ($rows as $row) {
                    $v = $row['metrics'][$name] ?? 0;
                    $empty = $empty && ($v === 0 || $v === 0.0 || $v === false || $v === null);
                }
            }
            if ($empty) {
                unset($columns[$name]);
            }
        }
        $show = array_filter(explode(',', (string) ($request['showColumns'] ?? '')));
        $hide = array_filter(explode(',', (string) ($request['hideColumns'] ?? '')));
        foreach (array_keys($columns) as $name) {
            if ($name !== 'label' && ($show !== [] && !in_array($name, $show, true) || in_array($name, $hide, true))) {
                unset($columns[$name]);
            }
        }
        return $columns;
    }

    /**
     * Goal metrics of a row (filter_update_columns_when_show_all_goals): each goal's conversion
     * rate, and for the goals asked by filter_show_goal_columns_process_goals their conversions and
     * revenue too. Matomo names the ecommerce order goal 0.
     */
    private static function withGoalColumns(array $row, array $request): array
    {
        $asked = array_filter(explode(',', (string) ($request['filter_show_goal_columns_process_goals'] ?? '')), 'strlen');
        $asked = array_map(static function (string $g) {
            return $g === 'ecommerceOrder' ? '0' : ($g === 'ecommerceAbandonedCart' ? '-1' : $g);
        }, $asked);
        $visits = (int) ($row['metrics']['nb_visits'] ?? 0);
        foreach ((array) ($row['metrics']['goals'] ?? []) as $key => $goal) {
            $id = substr((string) $key, 7);
            if ($asked !== [] && !in_array($id, $asked, true)) {
                continue;
            }
            $row['goal_columns']["goal_{$id}_conversion_rate"] = Aggregator::rate($goal['nb_visits_converted'], $visits, 2);
            if ($asked !== []) {
                $row['goal_columns']["goal_{$id}_nb_conversions"] = $goal['nb_conversions'];
                $row['goal_columns']["goal_{$id}_revenue"] = $goal['revenue'];
                $row['goal_columns']["goal_{$id}_revenue_per_visit"] = $visits > 0 ? round($goal['revenue'] / $visits, 2) : 0;
            }
        }
        return $row;
    }

    private static function row(array $row, array $columns, string $currency, bool $raw, bool $hasDimension): array
    {
        $out = $hasDimension ? ['label' => $row['label']] : [];
        foreach ($columns as $name => $title) {
            if ($name !== 'label') {
                $out[$name] = Formatter::pretty($name, $row['metrics'][$name] ?? 0, $currency);
            }
        }
        foreach ($row['goal_columns'] ?? [] as $name => $value) {
            $out[$name] = Formatter::pretty($name, $value, $currency);
        }
        if ($raw) {
            foreach ($row['metrics'] as $name => $value) {
                $out += [$name => $value];
            }
        }
        return $out;
    }

    /** Raw sums over every row of every period, rates computed from the sums. */
    private static function totals(array $perPeriod): array
    {
        $sum = [];
        foreach ($perPeriod as $rows) {
            foreach ($rows as $row) {
                foreach ($row['metrics'] as $k => $v) {
                    // rates and averages are not added up: they are computed again from the sums
                    if ((is_int($v) || is_float($v)) && !preg_match('/rate|^avg_|_per_/', $k)) {
                        $sum[$k] = ($sum[$k] ?? 0) + $v;
                    }
                }
            }
        }
        $sum = array_map(static function ($v) {
            return is_float($v) ? round($v, 3) : $v;
        }, $sum);
        if (isset($sum['nb_visits']) && $sum['nb_visits'] > 0) {
            if (isset($sum['nb_actions'])) {
                $sum['nb_actions_per_visit'] = round($sum['nb_actions'] / $sum['nb_visits'], 1);
            }
            if (isset($sum['sum_visit_length'])) {
                $sum['avg_time_on_site'] = (int) round($sum['sum_visit_length'] / $sum['nb_visits']);
            }
            if (isset($sum['bounce_count'])) {
                $sum['bounce_rate'] = Aggregator::rate($sum['bounce_count'], $sum['nb_visits'], 0);
            }
            if (isset($sum['nb_visits_converted'])) {
                $sum['conversion_rate'] = Aggregator::rate($sum['nb_visits_converted'], $sum['nb_visits'], 2);
            }
        }
        return $sum;
    }

    /** Matomo names the period of the UTC date (not the site's): a day early or late for some sites. */
    private static function prettyDate(string $period, string $date): string
    {
        $utc = Date::factory('now')->toString();
        $resolved = Periods::resolve($period, $date, $utc, Date::factory('today')->toString());
        $periods = $resolved['periods'];
        if ($resolved['multi']) {
            return Periods::span($periods[0][0], $periods[count($periods) - 1][1]);
        }
        return Periods::label($period, $periods[0]);
    }
}
