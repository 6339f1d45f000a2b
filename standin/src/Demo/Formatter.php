<?php

declare(strict_types=1);

namespace Piwik\Demo;

/**
 * Metric values as API.getProcessedReport shows them for people (format_metrics=bc), in the forms
 * a real Matomo 5.1.2 wrote in the bridge recordings: "24%", "33.33%", "00:01:55",
 * "00:00:01.96", "€1,557.20", "€129". Counts and ratios stay numbers.
 */
final class Formatter
{
    private const SYMBOLS = ['EUR' => '€', 'USD' => '$', 'GBP' => '£'];

    /** @param mixed $value */
    public static function pretty(string $metric, $value, string $currency)
    {
        if (!is_int($value) && !is_float($value)) {
            return $value;
        }
        switch (self::kind($metric)) {
            case 'percent':
                return self::percent($value * 100, self::percentPrecision($metric));
            case 'money':
                return self::money((float) $value, $currency);
            case 'duration':
                return self::clock((int) round($value));
            case 'seconds':
                return self::clock((int) floor($value)) . sprintf('.%02d', (int) round(fmod($value, 1) * 100) % 100);
        }
        return $value;
    }

    /** Matomo's bc format of the plain API (format=json): only rates change, to "24%". */
    public static function bc(string $metric, $value)
    {
        return self::kind($metric) === 'percent' && (is_int($value) || is_float($value))
            ? self::percent($value * 100, self::percentPrecision($metric)) : $value;
    }

    public static function kind(string $metric): string
    {
        // MultiSites leaves these three evolutions unformatted (recorded calls 60 and 73)
        if (in_array($metric, ['nb_conversions_evolution', 'orders_evolution', 'ecommerce_revenue_evolution'], true)) {
            return 'number';
        }
        if (preg_match('/(_rate|_rate_new|_rate_returning|_evolution|_percentage)$/', $metric) || preg_match('/^bounce_rate/', $metric)) {
            return 'percent';
        }
        if (preg_match('/(^|_)revenue|^avg_price$|^avg_order_revenue$|^price$/', $metric)) {
            return 'money';
        }
        if (preg_match('/^avg_time_on_(site|page|dimension)/', $metric)) {
            return 'duration';
        }
        if (preg_match('/^avg_time_|^avg_page_load_time$/', $metric)) {
            return 'seconds';
        }
        return 'number';
    }

    private static function percentPrecision(string $metric): int
    {
        if (preg_match('/conversion_rate$/', $metric)) {
            return 2;
        }
        return preg_match('/(page_rate|entry_rate|_evolution)$/', $metric) ? 1 : 0;
    }

    private static function percent(float $points, int $precision): string
    {
        $text = number_format(round($points, $precision), $precision);
        if (strpos($text, '.') !== false) {
            $text = rtrim(rtrim($text, '0'), '.');
        }
        return $text . '%';
    }

    private static function money(float $amount, string $currency): string
    {
        $symbol = self::SYMBOLS[$currency] ?? $currency . ' ';
        $rounded = round($amount, 2);
        $decimals = abs($rounded - round($rounded)) < 0.005 ? 0 : 2;
        return $symbol . number_format($rounded, $decimals);
    }

    private static function clock(int $seconds): string
    {
        return sprintf('%02d:%02d:%02d', intdiv($seconds, 3600), intdiv($seconds % 3600, 60), $seconds % 60);
    }
}
