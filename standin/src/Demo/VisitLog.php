<?php

declare(strict_types=1);

namespace Piwik\Demo;

/**
 * The demo's visits: generated, never random at serve time. Each site-day has its own seed; the
 * log covers the last DAYS days up to the site's today (today's visits up to its current time),
 * and the same today always gives the same log.
 *
 * Built in: campaigns, search engines, websites and social networks; devices, browsers,
 * countries and languages; goals, ecommerce orders, abandoned carts, events, site search, custom
 * dimensions and page timings. Two pages tell a story for the technical questions: /checkout
 * gets slower over the last two weeks, and /promo/black-friday stops receiving hits
 * PROMO_ENDED_DAYS_AGO days ago.
 */
final class VisitLog
{
    public const DAYS = 120;
    public const PROMO_ENDED_DAYS_AGO = 5;

    /** Visits on an ordinary weekday per site; weekends see 60 %. */
    private const TRAFFIC = [1 => 34, 2 => 14, 3 => 4];

    /** path => [title, custom dimension 2 (page category), base load time in ms] */
    private const PAGES = [
        1 => [
            '/' => ['Demo Shop - Home', 'home', 1500],
            '/category/bags' => ['Bags - Demo Shop', 'category', 1900],
            '/category/shoes' => ['Shoes - Demo Shop', 'category', 1800],
            '/product/city-bag' => ['City Bag - Demo Shop', 'product', 1700],
            '/product/trail-boots' => ['Trail Boots - Demo Shop', 'product', 1750],
            '/product/runner-2000' => ['Runner 2000 - Demo Shop', 'product', 1650],
            '/about' => ['About us - Demo Shop', 'info', 1300],
            '/pricing' => ['Pricing - Demo Shop', 'info', 1400],
            '/contact' => ['Contact - Demo Shop', 'info', 1200],
            '/contact/thank-you' => ['Thank you - Demo Shop', 'info', 1100],
            '/checkout' => ['Checkout - Demo Shop', 'checkout', 2100],
            '/checkout/thank-you' => ['Order confirmed - Demo Shop', 'checkout', 1600],
            '/promo/black-friday' => ['Black Friday deals - Demo Shop', 'category', 2000],
        ],
        2 => [
            '/' => ['Blog - Home', '', 900],
            '/posts/php-8-performance' => ['PHP 8 performance notes', '', 1100],
            '/posts/matomo-mcp' => ['Asking Matomo in plain words', '', 1000],
            '/posts/privacy-analytics' => ['Privacy-friendly analytics', '', 1050],
            '/posts/rust-php-extensions' => ['Writing PHP extensions in Rust', '', 1200],
            '/about' => ['About this blog', '', 800],
        ],
        3 => [
            '/' => ['Intranet', '', 700],
            '/handbook' => ['Handbook - Intranet', '', 900],
            '/handbook/holidays' => ['Holidays - Intranet', '', 850],
            '/people' => ['People - Intranet', '', 1000],
        ],
    ];

    /** [sku, name, category, price] */
    private const ITEMS = [
        ['SKU-BOOT-TRL', 'Trail Boots', 'Shoes', 129.0],
        ['SKU-RUN-2000', 'Runner 2000', 'Shoes', 89.9],
        ['SKU-BAG-CITY', 'City Bag', 'Bags', 49.0],
        ['SKU-SOCK-3P', 'Socks 3-pack', 'Accessories', 12.9],
    ];

    /** [type, name, keyword, url] weighted by repetition */
    private const REFERRERS = [
        ['direct', '', '', ''], ['direct', '', '', ''], ['direct', '', '', ''],
        ['search', 'Google', 'trail boots waterproof', 'https://www.google.com'],
        ['search', 'Google', 'matomo analytics', 'https://www.google.com'],
        ['search', 'Google', '', 'https://www.google.com'],
        ['search', 'Bing', 'privacy analytics', 'https://www.bing.com'],
        ['search', 'DuckDuckGo', 'city bag leather', 'https://duckduckgo.com'],
        ['search', 'Ecosia', '', 'https://www.ecosia.org'],
        ['website', 'dev.to', '', 'https://dev.to/t/php'],
        ['website', 'www.heise.de', '', 'https://www.heise.de/news'],
        ['social', 'reddit', '', 'https://www.reddit.com/r/analytics'],
        ['social', 'GitHub', '', 'https://github.com/trending'],
        ['social', 'Facebook', '', 'https://www.facebook.com'],
        ['campaign', 'black-friday', 'newsletter', ''],
        ['campaign', 'retargeting', 'banner-a', ''],
        ['campaign', 'spring-sale', 'email', ''],
    ];

    /** [type, browser name, browser code, os, resolution, weight, brand, model, browser version, engine, os version] */
    private const DEVICES = [
        ['desktop', 'Chrome', 'CH', 'Windows', '1920x1080', 5, 'Unknown', 'Generic Desktop', '131.0', 'Blink', '11'],
        ['desktop', 'Firefox', 'FF', 'GNU/Linux', '2560x1440', 3, 'Unknown', 'Generic Desktop', '133.0', 'Gecko', ''],
        ['desktop', 'Safari', 'SF', 'Mac', '1440x900', 2, 'Apple', 'MacBook', '18.1', 'WebKit', '15.1'],
        ['desktop', 'Microsoft Edge', 'PS', 'Windows', '1920x1080', 1, 'Unknown', 'Generic Desktop', '131.0', 'Blink', '10'],
        ['smartphone', 'Chrome Mobile', 'CM', 'Android', '412x915', 4, 'Samsung', 'Galaxy S23', '131.0', 'Blink', '14'],
        ['smartphone', 'Mobile Safari', 'MF', 'iOS', '390x844', 3, 'Apple', 'iPhone', '18.1', 'WebKit', '18.1'],
        ['tablet', 'Mobile Safari', 'MF', 'iOS', '820x1180', 1, 'Apple', 'iPad', '18.1', 'WebKit', '18.1'],
    ];

    /** country code => [region, city] */
    private const CITIES = ['de' => ['Bavaria', 'Munich'], 'us' => ['New York', 'New York'], 'nl' => ['North Holland', 'Amsterdam'],
        'gb' => ['England', 'London'], 'at' => ['Vienna', 'Vienna'], 'fr' => ['Ile-de-France', 'Paris'], 'jp' => ['Tokyo', 'Tokyo'],
        'br' => ['Sao Paulo', 'Sao Paulo']];
    private const OUTLINKS = ['https://github.com/matomo-org/matomo', 'https://matomo.org/docs/', 'https://www.php.net/manual/'];
    private const DOWNLOADS = ['/files/size-guide.pdf', '/files/catalogue-2026.pdf'];
    private const CONTENTS = [['Hero banner', 'winter-sale.jpg'], ['Newsletter box', 'Sign up now'], ['Product teaser', 'trail-boots.png']];

    /** [country code, language code, weight] */
    private const PLACES = [
        ['de', 'de-de', 6], ['us', 'en-us', 4], ['nl', 'nl-nl', 2], ['gb', 'en-gb', 2],
        ['at', 'de-at', 1], ['fr', 'fr-fr', 1], ['jp', 'ja-jp', 1], ['br', 'pt-br', 1],
    ];

    private const CUSTOMER_TYPES = ['new customer', 'returning customer', 'guest', 'b2b'];
    private const SEARCHES = ['boots size 44', 'gift card', 'bag', 'privacy', 'matomo', 'mcp'];
    private const EVENTS = [
        ['Scroll', 'depth', '75%', 75], ['Scroll', 'depth', '100%', 100], ['Video', 'play', 'Product tour', null],
        ['Newsletter', 'subscribe', 'footer', null], ['Outbound', 'click', 'github.com', null],
    ];

    /** @var array<string, list<array<string, mixed>>> */
    private static $days = [];

    /**
     * The visits of one site on one day (site-local), up to $untilSecond of that day.
     *
     * @return list<array<string, mixed>>
     */
    public static function day(int $idSite, string $day, int $untilSecond = 86400): array
    {
        $key = "$idSite|$day";
        if (!isset(self::$days[$key])) {
            self::$days[$key] = self::generate($idSite, $day);
        }
        if ($untilSecond >= 86400) {
            return self::$days[$key];
        }
        return array_values(array_filter(self::$days[$key], static function (array $v) use ($untilSecond) {
            return $v['second'] <= $untilSecond;
        }));
    }

    /** @return list<array<string, mixed>> */
    private static function generate(int $idSite, string $day): array
    {
        $pages = self::PAGES[$idSite] ?? null;
        if ($pages === null) {
            return [];
        }
        $random = new Seeded(crc32("matomo-demo|$idSite|$day"));
        $date = new \DateTimeImmutable($day, new \DateTimeZone('UTC'));
        $weekend = (int) $date->format('N') >= 6;
        $count = (int) round(self::TRAFFIC[$idSite] * ($weekend ? 0.6 : 1.0) * (0.8 + 0.4 * $random->unit()));
        $daysAgo = (int) ((strtotime(Clock::today($idSite)) - $date->getTimestamp()) / 86400);
        $visits = [];
        for ($i = 0; $i < $count; $i++) {
            $visits[] = self::visit($idSite, $day, $i, $daysAgo, $pages, $random);
        }
        usort($visits, static function (array $a, array $b) {
            return $a['second'] <=> $b['second'];
        });
        return $visits;
    }

    private static function visit(int $idSite, string $day, int $i, int $daysAgo, array $pages, Seeded $random): array
    {
        $device = $random->weighted(self::DEVICES, 5);
        $place = $random->weighted(self::PLACES, 2);
        $referrer = $random->pick(self::REFERRERS);
        if ($referrer[0] === 'campaign' && $referrer[1] === 'black-friday' && $daysAgo < self::PROMO_ENDED_DAYS_AGO) {
            $referrer = self::REFERRERS[0];
        }
        $returning = $random->unit() < 0.35;
        $visitor = substr(md5("$idSite|" . $random->int(0, 200 + 40 * $idSite)), 0, 16);
        $second = self::startSecond($random);
        $actions = [];
        $paths = array_keys($pages);
        $length = $random->unit() < 0.18 ? 1 : $random->int(2, 9);
        $path = self::landing($referrer, $paths, $random, $daysAgo);
        $elapsed = 0;
        for ($a = 0; $a < $length; $a++) {
            [$title, $category, $loadMs] = $pages[$path];
            $spent = $a === $length - 1 ? 0 : $random->int(15, 180);
            $actions[] = [
                'type' => 'page',
                'url' => $path,
                'title' => $title,
                'category' => $category,
                'spent' => $spent,
                'timing' => self::timing($path, $loadMs, $device[0], $daysAgo, $random),
            ];
            $elapsed += $spent;
            if ($idSite === 1 && $random->unit() < 0.08) {
                $actions[] = ['type' => 'search', 'keyword' => $random->pick(self::SEARCHES), 'results' => $random->int(0, 12),
                    'category' => $random->unit() < 0.5 ? 'Products' : 'Help'];
            }
            if ($random->unit() < 0.05) {
                $actions[] = ['type' => 'outlink', 'url' => $random->pick(self::OUTLINKS), 'spent' => 0, 'timing' => null];
            } elseif ($random->unit() < 0.05) {
                $actions[] = ['type' => 'download', 'url' => $random->pick(self::DOWNLOADS), 'spent' => 0, 'timing' => null];
            }
            if ($random->unit() < 0.15) {
                $content = $random->pick(self::CONTENTS);
                $actions[] = ['type' => 'content', 'name' => $content[0], 'piece' => $content[1], 'interacted' => $random->unit() < 0.3];
            }
            if ($random->unit() < 0.12) {
                $event = $random->pick(self::EVENTS);
                $actions[] = ['type' => 'event', 'category' => $event[0], 'action' => $event[1], 'name' => $event[2],
                    'value' => $event[3]];
            }
            $path = self::next($paths, $path, $random, $daysAgo);
        }
        $visit = [
            'id' => $i + 1,
            'day' => $day,
            'visitor' => $visitor,
            'returning' => $returning,
            'second' => $second,
            'length' => $elapsed,
            'referrer' => ['type' => $referrer[0], 'name' => $referrer[1], 'keyword' => $referrer[2], 'url' => $referrer[3]],
            'device' => $device[0],
            'browser' => $device[1],
            'browserCode' => $device[2],
            'os' => $device[3],
            'resolution' => $device[4],
            'brand' => $device[6],
            'model' => $device[7],
            'browserVersion' => $device[8],
            'engine' => $device[9],
            'osVersion' => $device[10],
            'region' => self::CITIES[$place[0]][0],
            'city' => self::CITIES[$place[0]][1],
            'plugins' => $device[0] === 'desktop' ? ['Cookie', 'Pdf'] : ['Cookie'],
            'visitCount' => $returning ? $random->int(2, 6) : 1,
            'daysSinceLast' => $returning ? $random->int(0, 30) : 0,
            'daysSinceFirst' => $returning ? $random->int(1, 60) : 0,
            'country' => $place[0],
            'language' => $place[1],
            'dimension1' => $idSite === 1 ? ($returning ? self::CUSTOMER_TYPES[1 + $random->int(0, 2)] : self::CUSTOMER_TYPES[0]) : '',
            'userId' => $returning && $random->unit() < 0.3 ? 'user-' . $random->int(1, 9) : '',
            'actions' => $actions,
            'conversions' => [],
            'order' => null,
            'cart' => null,
        ];
        if ($idSite === 1) {
            self::convert($visit, $random);
        }
        return $visit;
    }

    /** Visits cluster in the day's working hours. */
    private static function startSecond(Seeded $random): int
    {
        $hour = $random->unit() < 0.8 ? $random->int(8, 21) : $random->int(0, 23);
        return $hour * 3600 + $random->int(0, 3599);
    }

    private static function landing(array $referrer, array $paths, Seeded $random, int $daysAgo): string
    {
        if ($referrer[0] === 'campaign' && $referrer[1] === 'black-friday' && in_array('/promo/black-friday', $paths, true)) {
            return '/promo/black-friday';
        }
        return self::next($paths, '', $random, $daysAgo);
    }

    private static function next(array $paths, string $current, Seeded $random, int $daysAgo): string
    {
        do {
            $path = $random->pick($paths);
        } while (
            $path === $current
            || $path === '/promo/black-friday' && $daysAgo < self::PROMO_ENDED_DAYS_AGO
            || $path === '/contact/thank-you' && $current !== '/contact'
            || $path === '/checkout/thank-you' && $current !== '/checkout'
        );
        return $path;
    }

    /**
     * Page timings in milliseconds (network, server, transfer, DOM processing, DOM completion,
     * on load). Phones are slower; /checkout slows down by 6 % a day over the last 14 days.
     *
     * @return array<string, int>
     */
    private static function timing(string $path, int $loadMs, string $device, int $daysAgo, Seeded $random): array
    {
        $factor = ($device === 'desktop' ? 1.0 : 1.45) * (0.85 + 0.3 * $random->unit());
        if ($path === '/checkout' && $daysAgo < 14) {
            $factor *= 1 + 0.06 * (14 - $daysAgo);
        }
        $total = $loadMs * $factor;
        $shares = ['network' => 0.03, 'server' => 0.24, 'transfer' => 0.05, 'dom_processing' => 0.45,
            'dom_completion' => 0.21, 'on_load' => 0.02];
        return array_map(static function (float $share) use ($total) {
            return (int) round($total * $share);
        }, $shares);
    }

    /** Goals of the Demo Shop, orders and abandoned carts. */
    private static function convert(array &$visit, Seeded $random): void
    {
        $seen = array_column(array_filter($visit['actions'], static function (array $a) {
            return $a['type'] === 'page';
        }), 'url');
        if (in_array('/pricing', $seen, true)) {
            $visit['conversions'][] = ['idgoal' => 1, 'revenue' => 0.0];
        }
        foreach ($visit['actions'] as $action) {
            if ($action['type'] === 'event' && $action['category'] === 'Newsletter') {
                $visit['conversions'][] = ['idgoal' => 2, 'revenue' => 0.0];
                break;
            }
        }
        if (in_array('/contact/thank-you', $seen, true)) {
            $visit['conversions'][] = ['idgoal' => 3, 'revenue' => 25.0];
        }
        if (in_array('/checkout', $seen, true)) {
            $items = [];
            foreach (range(1, $random->int(1, 2)) as $unused) {
                $item = $random->pick(self::ITEMS);
                $items[] = ['sku' => $item[0], 'name' => $item[1], 'category' => $item[2], 'price' => $item[3],
                    'quantity' => $random->int(1, 2)];
            }
            $subtotal = array_sum(array_map(static function (array $i) {
                return $i['price'] * $i['quantity'];
            }, $items));
            $order = ['subtotal' => round($subtotal, 2), 'tax' => round($subtotal * 0.19, 2), 'shipping' => 4.9,
                'discount' => $random->unit() < 0.2 ? 5.0 : 0.0, 'items' => $items];
            $order['revenue'] = round($order['subtotal'] + $order['tax'] + $order['shipping'] - $order['discount'], 2);
            if (in_array('/checkout/thank-you', $seen, true)) {
                $visit['order'] = $order;
            } else {
                $visit['cart'] = $order;
            }
        }
    }
}
