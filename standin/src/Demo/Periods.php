<?php

declare(strict_types=1);

namespace Piwik\Demo;

/**
 * Matomo's periods for a period/date pair (Period\Factory, Period\Range): day, week (Monday to
 * Sunday), month, year and range, for YYYY-MM-DD, today, yesterday, now, the "last week/month/
 * year" keywords, lastN, previousN and start,end. "today" is the site's local date, except
 * where Matomo ends a range of days (lastN/previousN or "…,today" with period range), which it
 * reads with Date::factory('today', $tz). Labels are written as Matomo writes them in English.
 */
final class Periods
{
    private const THIN = "\u{2009}–\u{2009}";
    private const MAX_PERIODS = 1000;

    /**
     * @return array{multi: bool, periods: list<array{0: string, 1: string}>}
     * @throws \Exception with Matomo's own message for a period or date it refuses
     */
    public static function resolve(string $period, string $date, string $today, string $rangeEnd): array
    {
        $period = strtolower(trim($period));
        if (!in_array($period, ['day', 'week', 'month', 'year', 'range'], true)) {
            throw new \Exception("The period '$period' is not supported. Try any of the following instead: day, week, month, year, range");
        }
        $date = trim($date);
        if (preg_match('/^(last|previous)(\d+)$/i', $date, $m)) {
            $n = min((int) $m[2], self::MAX_PERIODS);
            $back = strtolower($m[1]) === 'previous' ? 1 : 0;
            if ($period === 'range') {
                $end = self::plusDays($rangeEnd, -$back);
                return ['multi' => false, 'periods' => [[self::plusDays($end, 1 - $n), $end]]];
            }
            $periods = [];
            for ($i = $n - 1 + $back; $i >= $back; $i--) {
                $periods[] = self::back($period, $today, $i);
            }
            return ['multi' => true, 'periods' => $periods];
        }
        if (strpos($date, ',') !== false) {
            [$a, $b] = array_map('trim', explode(',', $date, 2));
            $start = self::single($a, $today);
            $end = strtolower($b) === 'now' ? $today : self::single($b, $rangeEnd);
            if ($start > $end) {
                throw new \Exception("The date '$date' is not a correct date range: the start must not be after the end.");
            }
            if ($period === 'range') {
                return ['multi' => false, 'periods' => [[$start, $end]]];
            }
            $periods = [self::containing($period, $start)];
            while ($periods[count($periods) - 1][1] < $end && count($periods) < self::MAX_PERIODS) {
                $periods[] = self::containing($period, self::plusDays($periods[count($periods) - 1][1], 1));
            }
            return ['multi' => true, 'periods' => $periods];
        }
        if ($period === 'range') {
            throw new \Exception("The date '$date' is not a correct date range.");
        }
        return ['multi' => false, 'periods' => [self::containing($period, self::single($date, $today))]];
    }

    private static function single(string $s, string $today): string
    {
        switch (strtolower($s)) {
            case 'today':
            case 'now':
                return $today;
            case 'yesterday':
            case 'yesterdaysametime':
                return self::plusDays($today, -1);
            case 'lastweek':
            case 'last week':
                return self::plusDays($today, -7);
            case 'lastmonth':
            case 'last month':
                return self::monthsBack($today, 1);
            case 'lastyear':
            case 'last year':
                return self::monthsBack($today, 12);
        }
        $d = \DateTimeImmutable::createFromFormat('!Y-m-d', $s, new \DateTimeZone('UTC'));
        if ($d === false || $d->format('Y-m-d') !== $s) {
            throw new \Exception("Date format must be: YYYY-MM-DD, or 'today' or 'yesterday' or any keyword supported by the strtotime function (see http://php.net/strtotime for more information): " . $s);
        }
        return $s;
    }

    public static function plusDays(string $day, int $n): string
    {
        return (new \DateTimeImmutable($day, new \DateTimeZone('UTC')))->modify(sprintf('%+d days', $n))->format('Y-m-d');
    }

    private static function monthsBack(string $day, int $n): string
    {
        $d = new \DateTimeImmutable($day, new \DateTimeZone('UTC'));
        $first = $d->modify('first day of this month')->modify("-$n months");
        return $first->format('Y-m-') . sprintf('%02d', min((int) $d->format('j'), (int) $first->format('t')));
    }

    /** @return array{0: string, 1: string} */
    public static function containing(string $period, string $day): array
    {
        $d = new \DateTimeImmutable($day, new \DateTimeZone('UTC'));
        switch ($period) {
            case 'week':
                $start = $d->modify('-' . ((int) $d->format('N') - 1) . ' days');
                return [$start->format('Y-m-d'), $start->modify('+6 days')->format('Y-m-d')];
            case 'month':
                return [$d->format('Y-m-01'), $d->format('Y-m-t')];
            case 'year':
                return [$d->format('Y-01-01'), $d->format('Y-12-31')];
            default:
                return [$day, $day];
        }
    }

    /** @return array{0: string, 1: string} the period $i periods before the one containing $today */
    private static function back(string $period, string $today, int $i): array
    {
        [$start] = self::containing($period, $today);
        $d = new \DateTimeImmutable($start, new \DateTimeZone('UTC'));
        $moved = ['day' => "-$i days", 'week' => '-' . (7 * $i) . ' days', 'month' => "-$i months", 'year' => "-$i years"][$period];
        return self::containing($period, $d->modify($moved)->format('Y-m-d'));
    }

    /** The key of a period in a format=json answer of several periods. */
    public static function key(string $period, array $p): string
    {
        switch ($period) {
            case 'month':
                return substr($p[0], 0, 7);
            case 'year':
                return substr($p[0], 0, 4);
            case 'day':
                return $p[0];
            default:
                return $p[0] . ',' . $p[1];
        }
    }

    /** How Matomo names a period in English ("week November 9 – 15, 2026", "October 2026"). */
    public static function label(string $period, array $p): string
    {
        $d = new \DateTimeImmutable($p[0], new \DateTimeZone('UTC'));
        switch ($period) {
            case 'day':
                return $d->format('l, F j, Y');
            case 'month':
                return $d->format('F Y');
            case 'year':
                return $d->format('Y');
            case 'week':
                return 'week ' . self::span($p[0], $p[1]);
            default:
                return self::span($p[0], $p[1]);
        }
    }

    /** "November 1 – 30, 2026", "November 26 – December 2, 2026", "December 28, 2026 – January 3, 2027". */
    public static function span(string $start, string $end): string
    {
        $a = new \DateTimeImmutable($start, new \DateTimeZone('UTC'));
        $b = new \DateTimeImmutable($end, new \DateTimeZone('UTC'));
        if ($a->format('Y') !== $b->format('Y')) {
            return $a->format('F j, Y') . self::THIN . $b->format('F j, Y');
        }
        if ($a->format('m') !== $b->format('m')) {
            return $a->format('F j') . self::THIN . $b->format('F j, Y');
        }
        return $a->format('F j') . self::THIN . $b->format('j, Y');
    }
}
