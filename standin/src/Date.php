<?php

declare(strict_types=1);

namespace Piwik;

/** The slice of Matomo's Date the plugin uses: "today" in a site's timezone. */
class Date
{
    /** @var \DateTimeImmutable */
    private $moment;

    private function __construct(\DateTimeImmutable $moment)
    {
        $this->moment = $moment;
    }

    /** Matomo timezones are IANA names or "UTC", "UTC+5.5", "UTC-3". */
    public static function factory($dateString, $timezone = null)
    {
        $zone = new \DateTimeZone('UTC');
        if (is_string($timezone) && preg_match('/^UTC([+-])(\d+(?:\.\d+)?)$/', $timezone, $m)) {
            $minutes = (int) round((float) $m[2] * 60);
            $zone = new \DateTimeZone(sprintf('%s%02d:%02d', $m[1], intdiv($minutes, 60), $minutes % 60));
        } elseif (is_string($timezone) && $timezone !== '' && $timezone !== 'UTC') {
            $zone = new \DateTimeZone($timezone);
        }
        $now = new \DateTimeImmutable(getenv('MCP_STANDIN_TODAY') ?: 'now', $zone);
        if ($dateString === 'yesterday') {
            $now = $now->modify('-1 day');
        } elseif ($dateString !== 'today' && $dateString !== 'now') {
            $now = new \DateTimeImmutable((string) $dateString, $zone);
        }
        return new self($now);
    }

    public function toString($format = 'Y-m-d')
    {
        return $this->moment->format($format);
    }
}
