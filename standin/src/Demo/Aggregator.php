<?php

declare(strict_types=1);

namespace Piwik\Demo;

/**
 * Counts one period's visits into report rows: label => raw metrics, as Matomo's archivers
 * would, then the processed metrics Matomo computes from them (rates, averages). Per request,
 * in memory: the demo log is small enough.
 */
final class Aggregator
{
    private const TIMINGS = ['network', 'server', 'transfer', 'dom_processing', 'dom_completion', 'on_load'];

    /**
     * @param list<array<string, mixed>> $visits
     * @param array<string, mixed> $spec from Dimensions::of()
     * @param string|null $parentLabel only the units under this row of the parent report (subtables)
     * @return array<string, array<string, int|float>> label => metrics
     */
    public static function rows(array $visits, array $spec, ?string $parentLabel = null, bool $flat = true): array
    {
        $labelOf = $spec['label'];
        if ($parentLabel !== null) {
            $parentOf = $spec['label'];
            $labelOf = static function ($unit) use ($parentOf, $spec, $parentLabel) {
                return $parentOf($unit) === $parentLabel ? ($spec['child'])($unit) : null;
            };
        }
        switch ($spec['family']) {
            case 'visit':
                return self::byVisit($visits, $labelOf);
            case 'page':
                return self::byPage($visits, $labelOf, (string) ($spec['only'] ?? ''), (string) ($spec['action'] ?? 'page'));
            case 'content':
                return self::byContent($visits, $labelOf);
            case 'after_search':
                return self::afterSearch($visits, $labelOf);
            case 'search':
                return self::bySearch($visits, $labelOf);
            case 'event':
                return self::byEvent($visits, $labelOf);
            case 'item':
                return self::byItem($visits, $labelOf);
        }
        return [];
    }

    /** @return array<string, int|float> the metrics of all visits together (VisitsSummary and the like) */
    public static function summary(array $visits): array
    {
        $all = self::byVisit($visits, static function () {
            return 'all';
        })['all'] ?? self::emptyVisitMetrics();
        $pages = self::byPage($visits, static function () {
            return 'all';
        }, '')['all'] ?? [];
        foreach (self::TIMINGS as $t) {
            $all["avg_time_$t"] = self::avgTiming($pages, $t);
        }
        $all['avg_page_load_time'] = round(array_sum(array_map(static function (string $t) use ($all) {
            return $all["avg_time_$t"];
        }, self::TIMINGS)), 3);
        $all['nb_pageviews'] = $pages['nb_hits'] ?? 0;
        $all['nb_uniq_pageviews'] = $pages['nb_visits'] ?? 0;
        $count = ['search' => 0, 'download' => 0, 'outlink' => 0];
        $unique = ['download' => [], 'outlink' => [], 'keyword' => []];
        foreach ($visits as $v) {
            foreach ($v['actions'] as $a) {
                if (isset($count[$a['type']])) {
                    $count[$a['type']]++;
                }
                if ($a['type'] === 'download' || $a['type'] === 'outlink') {
                    $unique[$a['type']][$v['day'] . $v['id'] . $a['url']] = true;
                }
                if ($a['type'] === 'search') {
                    $unique['keyword'][$a['keyword']] = true;
                }
            }
        }
        $all['nb_searches'] = $count['search'];
        $all['nb_keywords'] = count($unique['keyword']);
        foreach (['download' => 'downloads', 'outlink' => 'outlinks'] as $type => $name) {
            $all["nb_$name"] = $count[$type];
            $all["nb_uniq_$name"] = count($unique[$type]);
        }
        foreach (['new' => false, 'returning' => true] as $suffix => $returning) {
            $group = array_filter($visits, static function (array $v) use ($returning) {
                return $v['returning'] === $returning;
            });
            $m = self::withVisitRates(self::byVisit($group, static function () {
                return 'all';
            })['all'] ?? self::emptyVisitMetrics());
            foreach (
                ['nb_visits', 'nb_actions', 'nb_uniq_visitors', 'nb_users', 'max_actions', 'bounce_rate',
                'nb_actions_per_visit', 'avg_time_on_site'] as $k
            ) {
                $all[$k . '_' . $suffix] = $m[$k];
            }
        }
        return self::withVisitRates($all);
    }

    /** @return array<string, int|float> goal metrics of the visits (all goals, one goal, or ecommerce) */
    public static function goals(array $visits, string $idGoal): array
    {
        $m = ['nb_conversions' => 0, 'nb_visits_converted' => 0, 'revenue' => 0.0, 'revenue_subtotal' => 0.0,
            'revenue_tax' => 0.0, 'revenue_shipping' => 0.0, 'revenue_discount' => 0.0, 'items' => 0];
        foreach ($visits as $v) {
            $orders = [];
            if ($idGoal === 'ecommerceOrder' || $idGoal === '0') {
                $orders = $v['order'] ? [$v['order']] : [];
            } elseif ($idGoal === 'ecommerceAbandonedCart' || $idGoal === '-1') {
                $orders = $v['cart'] ? [$v['cart']] : [];
            }
            $conversions = $idGoal === '' ? $v['conversions'] : array_filter($v['conversions'], static function (array $c) use ($idGoal) {
                return (string) $c['idgoal'] === $idGoal;
            });
            if ($idGoal === '' && $v['order']) {
                $orders = [$v['order']];
            }
            $count = count($conversions) + count($orders);
            $m['nb_conversions'] += $count;
            $m['nb_visits_converted'] += $count > 0 ? 1 : 0;
            foreach ($conversions as $c) {
                $m['revenue'] += $c['revenue'];
            }
            foreach ($orders as $o) {
                $m['revenue'] += $o['revenue'];
                foreach (['subtotal', 'tax', 'shipping', 'discount'] as $k) {
                    $m["revenue_$k"] += $o[$k];
                }
                $m['items'] += array_sum(array_column($o['items'], 'quantity'));
            }
        }
        $m['revenue'] = round($m['revenue'], 2);
        $m['conversion_rate'] = self::rate($m['nb_visits_converted'], count($visits), 2);
        $m['avg_order_revenue'] = $m['nb_conversions'] > 0 ? round($m['revenue'] / $m['nb_conversions'], 2) : 0;
        return $m;
    }

    private static function emptyVisitMetrics(): array
    {
        return ['nb_visits' => 0, 'nb_uniq_visitors' => 0, 'nb_users' => 0, 'nb_actions' => 0, 'max_actions' => 0,
            'sum_visit_length' => 0, 'bounce_count' => 0, 'nb_visits_converted' => 0, 'nb_conversions' => 0, 'revenue' => 0];
    }

    private static function byVisit(array $visits, callable $labelOf): array
    {
        $rows = [];
        $seen = [];
        foreach ($visits as $v) {
            foreach ((array) $labelOf($v) as $label) {
                self::countVisit($rows, $seen, (string) $label, $v);
            }
        }
        return array_map([self::class, 'withVisitRates'], $rows);
    }

    /** Adds one visit to the row of $label (a visit can count under several labels, e.g. plugins). */
    private static function countVisit(array &$rows, array &$seen, string $label, array $v): void
    {
        if ($label === '') {
            return;
        }
        $r = $rows[$label] ?? self::emptyVisitMetrics();
        $actions = count($v['actions']);
        $conversions = count($v['conversions']) + ($v['order'] ? 1 : 0);
        $r['nb_visits']++;
        $r['nb_actions'] += $actions;
        $r['max_actions'] = max($r['max_actions'], $actions);
        $r['sum_visit_length'] += $v['length'];
        $r['bounce_count'] += $actions === 1 ? 1 : 0;
        $r['nb_visits_converted'] += $conversions > 0 ? 1 : 0;
        $r['nb_conversions'] += $conversions;
        $r['revenue'] = round($r['revenue'] + array_sum(array_column($v['conversions'], 'revenue')) + ($v['order']['revenue'] ?? 0), 2);
        // per goal, as Matomo's archives keep them ("idgoal=0" is the ecommerce order)
        $byGoal = [];
        foreach ($v['conversions'] as $c) {
            $byGoal[(string) $c['idgoal']][] = $c['revenue'];
        }
        if ($v['order']) {
            $byGoal['0'][] = $v['order']['revenue'];
        }
        foreach ($byGoal as $idGoal => $revenues) {
            $g = $r['goals']["idgoal=$idGoal"] ?? ['nb_conversions' => 0, 'nb_visits_converted' => 0, 'revenue' => 0.0];
            $g['nb_conversions'] += count($revenues);
            $g['nb_visits_converted']++;
            $g['revenue'] = round($g['revenue'] + array_sum($revenues), 2);
            $r['goals']["idgoal=$idGoal"] = $g;
        }
        $r['nb_uniq_visitors'] += isset($seen[$label]['v'][$v['visitor']]) ? 0 : 1;
        $r['nb_users'] += $v['userId'] === '' || isset($seen[$label]['u'][$v['userId']]) ? 0 : 1;
        $seen[$label]['v'][$v['visitor']] = true;
        $seen[$label]['u'][$v['userId']] = true;
        $rows[$label] = $r;
    }

    private static function withVisitRates(array $r): array
    {
        $r['nb_actions_per_visit'] = $r['nb_visits'] > 0 ? round($r['nb_actions'] / $r['nb_visits'], 1) : 0;
        $r['avg_time_on_site'] = $r['nb_visits'] > 0 ? (int) round($r['sum_visit_length'] / $r['nb_visits']) : 0;
        $r['bounce_rate'] = self::rate($r['bounce_count'], $r['nb_visits'], 0);
        $r['conversion_rate'] = self::rate($r['nb_visits_converted'], $r['nb_visits'], 2);
        return $r;
    }

    /**
     * A rate as Matomo computes it (Piwik::getQuotientSafe): a quotient, with $precision decimals
     * once shown as percent points.
     */
    public static function rate(float $part, float $whole, int $precision): float
    {
        return $whole > 0 ? round($part / $whole, $precision + 2) : 0;
    }

    private static function byPage(array $visits, callable $labelOf, string $only, string $type = 'page'): array
    {
        $rows = [];
        foreach ($visits as $v) {
            $pages = array_values(array_filter($v['actions'], static function (array $a) use ($type) {
                return $a['type'] === $type;
            }));
            $last = count($pages) - 1;
            $visited = [];
            foreach ($pages as $i => $a) {
                $label = $labelOf($a);
                if ($label === null || $only === 'entry' && $i !== 0 || $only === 'exit' && $i !== $last) {
                    continue;
                }
                $r = &$rows[$label];
                $r = $r ?? ['nb_hits' => 0, 'nb_visits' => 0, 'sum_time_spent' => 0, 'entry_nb_visits' => 0,
                    'entry_nb_actions' => 0, 'entry_sum_visit_length' => 0, 'entry_bounce_count' => 0, 'exit_nb_visits' => 0];
                $r['nb_hits']++;
                $r['sum_time_spent'] += $a['spent'];
                $r['nb_visits'] += isset($visited[$label]) ? 0 : 1;
                $visited[$label] = true;
                if ($i === 0) {
                    $r['entry_nb_visits']++;
                    $r['entry_nb_actions'] += count($v['actions']);
                    $r['entry_sum_visit_length'] += $v['length'];
                    $r['entry_bounce_count'] += count($v['actions']) === 1 ? 1 : 0;
                }
                $r['exit_nb_visits'] += $i === $last ? 1 : 0;
                foreach (is_array($a['timing']) ? self::TIMINGS : [] as $t) {
                    $r["sum_time_$t"] = ($r["sum_time_$t"] ?? 0) + $a['timing'][$t] / 1000;
                    $r["nb_hits_with_time_$t"] = ($r["nb_hits_with_time_$t"] ?? 0) + 1;
                }
                unset($r);
            }
        }
        foreach ($rows as &$r) {
            $r['avg_time_on_page'] = (int) round($r['sum_time_spent'] / max(1, $r['nb_hits']));
            $r['avg_time_on_dimension'] = $r['avg_time_on_page'];
            $r['bounce_rate'] = self::rate($r['entry_bounce_count'], $r['entry_nb_visits'], 0);
            $r['exit_rate'] = self::rate($r['exit_nb_visits'], $r['nb_visits'], 0);
            $load = 0.0;
            foreach (self::TIMINGS as $t) {
                $r["avg_time_$t"] = self::avgTiming($r, $t);
                $load += $r["avg_time_$t"];
            }
            $r['avg_page_load_time'] = round($load, 3);
        }
        return $rows;
    }

    /** Content impressions and interactions (Contents plugin). */
    private static function byContent(array $visits, callable $labelOf): array
    {
        $rows = [];
        foreach ($visits as $v) {
            foreach ($v['actions'] as $a) {
                $label = $a['type'] === 'content' ? $labelOf($a) : null;
                if ($label === null) {
                    continue;
                }
                $r = &$rows[$label];
                $r = $r ?? ['nb_impressions' => 0, 'nb_interactions' => 0];
                $r['nb_impressions']++;
                $r['nb_interactions'] += $a['interacted'] ? 1 : 0;
                unset($r);
            }
        }
        foreach ($rows as &$r) {
            $r['interaction_rate'] = self::rate($r['nb_interactions'], $r['nb_impressions'], 2);
        }
        return $rows;
    }

    /** Pages viewed right after a site search. */
    private static function afterSearch(array $visits, callable $labelOf): array
    {
        $rows = [];
        foreach ($visits as $v) {
            $previous = '';
            foreach ($v['actions'] as $a) {
                if ($a['type'] === 'page' && ($label = $labelOf($a)) !== null) {
                    $r = &$rows[$label];
                    $r = $r ?? ['nb_hits_following_search' => 0, 'nb_hits' => 0];
                    $r['nb_hits']++;
                    $r['nb_hits_following_search'] += $previous === 'search' ? 1 : 0;
                    unset($r);
                }
                $previous = $a['type'];
            }
        }
        return array_filter($rows, static function (array $r) {
            return $r['nb_hits_following_search'] > 0;
        });
    }

    private static function avgTiming(array $r, string $t): float
    {
        $n = $r["nb_hits_with_time_$t"] ?? 0;
        return $n > 0 ? round($r["sum_time_$t"] / $n, 3) : 0.0;
    }

    private static function bySearch(array $visits, callable $labelOf): array
    {
        $rows = [];
        foreach ($visits as $v) {
            $counted = [];
            $actions = $v['actions'];
            foreach ($actions as $i => $a) {
                $label = $a['type'] === 'search' ? $labelOf($a) : null;
                if ($label === null) {
                    continue;
                }
                $r = &$rows[$label];
                $r = $r ?? ['nb_visits' => 0, 'nb_hits' => 0, 'nb_pages' => 0, 'exit_nb_visits' => 0];
                $r['nb_hits']++;
                $r['nb_visits'] += isset($counted[$label]) ? 0 : 1;
                $counted[$label] = true;
                $r['nb_pages'] += ($actions[$i + 1]['type'] ?? '') === 'page' ? 1 : 0;
                $r['exit_nb_visits'] += $i === count($actions) - 1 ? 1 : 0;
                unset($r);
            }
        }
        foreach ($rows as &$r) {
            $r['nb_pages_per_search'] = round($r['nb_pages'] / max(1, $r['nb_hits']), 1);
            $r['exit_rate'] = self::rate($r['exit_nb_visits'], $r['nb_visits'], 0);
        }
        return $rows;
    }

    private static function byEvent(array $visits, callable $labelOf): array
    {
        $rows = [];
        foreach ($visits as $v) {
            $counted = [];
            foreach ($v['actions'] as $a) {
                $label = $a['type'] === 'event' ? $labelOf($a) : null;
                if ($label === null) {
                    continue;
                }
                $r = &$rows[$label];
                $r = $r ?? ['nb_visits' => 0, 'nb_events' => 0, 'sum_event_value' => 0, 'min_event_value' => null,
                    'max_event_value' => null, 'nb_events_with_value' => 0];
                $r['nb_events']++;
                $r['nb_visits'] += isset($counted[$label]) ? 0 : 1;
                $counted[$label] = true;
                if ($a['value'] !== null) {
                    $r['nb_events_with_value']++;
                    $r['sum_event_value'] += $a['value'];
                    $r['min_event_value'] = min($r['min_event_value'] ?? $a['value'], $a['value']);
                    $r['max_event_value'] = max($r['max_event_value'] ?? $a['value'], $a['value']);
                }
                unset($r);
            }
        }
        foreach ($rows as &$r) {
            $r['avg_event_value'] = $r['nb_events_with_value'] > 0 ? round($r['sum_event_value'] / $r['nb_events_with_value'], 2) : 0;
            // Matomo answers false where no event had a value (recorded call 50)
            $r['min_event_value'] = $r['min_event_value'] ?? 0;
            $r['max_event_value'] = $r['max_event_value'] ?? false;
        }
        return $rows;
    }

    private static function byItem(array $visits, callable $labelOf): array
    {
        $rows = [];
        foreach ($visits as $v) {
            foreach ($v['order']['items'] ?? [] as $item) {
                $label = $labelOf($item);
                $r = &$rows[$label];
                $r = $r ?? ['revenue' => 0.0, 'quantity' => 0, 'orders' => 0, 'nb_visits' => 0];
                $r['revenue'] = round($r['revenue'] + $item['price'] * $item['quantity'], 2);
                $r['quantity'] += $item['quantity'];
                $r['orders']++;
                $r['nb_visits']++;
                unset($r);
            }
        }
        foreach ($rows as &$r) {
            $r['avg_price'] = round($r['revenue'] / max(1, $r['quantity']), 2);
            $r['avg_quantity'] = round($r['quantity'] / max(1, $r['orders']), 1);
            $r['conversion_rate'] = self::rate($r['orders'], count($visits), 2);
        }
        return $rows;
    }
}
