<?php

declare(strict_types=1);

namespace Piwik\Demo;

/**
 * The demo's Matomo installation is the one of the bridge recordings (a real Matomo 5.1.2):
 * its sites, goals, saved segments, custom dimensions and report catalogues, read from what that
 * Matomo answered. Only the visits are generated (VisitLog).
 */
final class Installation
{
    private const DIR = STANDIN_ROOT . '/fixtures/matomo-5.1.2-bridge';

    /** The recorded answer file of each configuration call. */
    private const ANSWERS = [
        'sites' => 'results/a7a017b4d76b.json',
        'goals:1' => 'results/0376d2b2c06d.json',
        'segments' => 'results/28851dcd968a.json',
        'dimensions:1' => 'results/543f588def15.json',
        'reports:1' => 'results/4e1578246a6f.json',
        'reports:2' => 'results/b0bc8c8c82ea.json',
        'reports:3' => 'results/d9ef191adc90.json',
    ];

    /** @var array<string, mixed> */
    private static $cache = [];

    /** @return mixed */
    private static function answer(string $key)
    {
        if (!array_key_exists($key, self::$cache)) {
            $file = self::ANSWERS[$key] ?? null;
            $decoded = $file === null ? null
                : json_decode((string) file_get_contents(self::DIR . '/' . $file), true, 512, JSON_THROW_ON_ERROR);
            self::$cache[$key] = $decoded['result'] ?? [];
        }
        return self::$cache[$key];
    }

    /** @return array<int, array<string, mixed>> every site by id, as a super user sees it */
    public static function sites(): array
    {
        $sites = [];
        foreach (self::answer('sites') as $site) {
            $sites[(int) $site['idsite']] = $site;
        }
        return $sites;
    }

    /** @return array<string, mixed>|null */
    public static function site(int $idSite): ?array
    {
        return self::sites()[$idSite] ?? null;
    }

    /** @return array<int, array<string, mixed>> the site's goals by id */
    public static function goals(int $idSite): array
    {
        $goals = [];
        foreach ((array) self::answer('goals:' . $idSite) as $goal) {
            $goals[(int) $goal['idgoal']] = $goal;
        }
        return $goals;
    }

    /** @return list<array<string, mixed>> every saved segment */
    public static function segments(): array
    {
        return array_values((array) self::answer('segments'));
    }

    /** @return list<array<string, mixed>> */
    public static function dimensions(int $idSite): array
    {
        return array_values((array) self::answer('dimensions:' . $idSite));
    }

    /** @return list<array<string, mixed>> the report catalogue, with subtable reports and metric docs */
    public static function reports(int $idSite): array
    {
        return array_values((array) self::answer('reports:' . $idSite));
    }

    /** @return array<string, mixed>|null the catalogue entry of a report */
    public static function report(int $idSite, string $module, string $action, array $parameters = []): ?array
    {
        foreach (self::reports($idSite) as $report) {
            if ($report['module'] !== $module || $report['action'] !== $action) {
                continue;
            }
            $own = is_array($report['parameters'] ?? null) ? $report['parameters'] : [];
            $matches = true;
            foreach ($own as $key => $value) {
                if ((string) ($parameters[$key] ?? '') !== (string) $value) {
                    $matches = false;
                }
            }
            if ($matches && ($own !== [] || !self::asksVariant($parameters))) {
                return $report;
            }
        }
        return null;
    }

    private static function asksVariant(array $parameters): bool
    {
        return isset($parameters['idGoal']) && $parameters['idGoal'] !== '' && $parameters['idGoal'] !== false
            || isset($parameters['idDimension']) && $parameters['idDimension'] !== '' && $parameters['idDimension'] !== false;
    }
}
