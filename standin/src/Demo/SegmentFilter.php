<?php

declare(strict_types=1);

namespace Piwik\Demo;

/**
 * A segment definition applied to the demo's visits: conditions joined by ";" (and) and ","
 * (or, binding tighter), operators == != <= >= < > =@ !@ =^ =$, url-encoded values. Action
 * fields (pageUrl, pageTitle, eventCategory...) match a visit when any of its actions matches.
 */
final class SegmentFilter
{
    /** @return list<array<string, mixed>> */
    public static function apply(string $definition, array $visits, int $idSite): array
    {
        $and = [];
        foreach (explode(';', $definition) as $part) {
            $or = [];
            foreach (explode(',', $part) as $condition) {
                if (!preg_match('/^([A-Za-z0-9_.]+)(==|!=|<=|>=|=@|!@|=\^|=\$|<|>)(.*)$/s', $condition, $m)) {
                    throw new \Exception("The segment condition '$condition' is not valid.");
                }
                $or[] = [$m[1], $m[2], self::decoded($m[3])];
            }
            $and[] = $or;
        }
        $base = rtrim((string) (Installation::site($idSite)['main_url'] ?? ''), '/');
        return array_values(array_filter($visits, static function (array $visit) use ($and, $base) {
            foreach ($and as $or) {
                $any = false;
                foreach ($or as [$field, $op, $value]) {
                    foreach (self::values($visit, $field, $base) as $candidate) {
                        if (self::matches((string) $candidate, $op, $value)) {
                            $any = true;
                            break 2;
                        }
                    }
                }
                if (!$any) {
                    return false;
                }
            }
            return true;
        }));
    }

    /** Values come url-encoded once or twice (a report row's segment is encoded twice). */
    private static function decoded(string $value): string
    {
        for ($i = 0; $i < 2 && preg_match('/%[0-9A-Fa-f]{2}|\+/', $value); $i++) {
            $value = urldecode($value);
        }
        return $value;
    }

    /** @return list<string|int|float> the visit's values of a segment field */
    private static function values(array $v, string $field, string $base): array
    {
        $actions = static function (string $type, callable $value) use ($v) {
            $out = [];
            foreach ($v['actions'] as $a) {
                if ($a['type'] === $type) {
                    $out[] = $value($a);
                }
            }
            return $out;
        };
        $status = $v['order'] ? 'ordered' : ($v['cart'] ? 'abandonedCart' : 'none');
        switch ($field) {
            case 'deviceType':
                return [$v['device']];
            case 'visitorType':
                return [$v['returning'] ? 'returning' : 'new'];
            case 'countryCode':
                return [$v['country']];
            case 'languageCode':
                return [$v['language']];
            case 'browserCode':
                return [$v['browserCode']];
            case 'browserName':
                return [$v['browser']];
            case 'operatingSystemName':
                return [$v['os']];
            case 'resolution':
                return [$v['resolution']];
            case 'referrerType':
                return [$v['referrer']['type']];
            case 'referrerName':
                return [$v['referrer']['name']];
            case 'referrerKeyword':
                return [$v['referrer']['keyword']];
            case 'visitEcommerceStatus':
                return [$status];
            case 'visitConverted':
                return [$v['conversions'] || $v['order'] ? 1 : 0];
            case 'visitStartServerHour':
                return [intdiv($v['second'], 3600)];
            case 'userId':
                return [$v['userId']];
            case 'dimension1':
                return [$v['dimension1']];
            case 'dimension2':
                return $actions('page', static function (array $a) {
                    return $a['category'];
                });
            case 'pageUrl':
                return $actions('page', static function (array $a) use ($base) {
                    return $base . $a['url'];
                });
            case 'pageTitle':
                return $actions('page', static function (array $a) {
                    return $a['title'];
                });
            case 'entryPageUrl':
                return [$base . ($actions('page', static function (array $a) {
                    return $a['url'];
                })[0] ?? '')];
            case 'siteSearchKeyword':
                return $actions('search', static function (array $a) {
                    return $a['keyword'];
                });
            case 'eventCategory':
            case 'eventAction':
            case 'eventName':
                $key = strtolower(substr($field, 5));
                return $actions('event', static function (array $a) use ($key) {
                    return $a[$key];
                });
            case 'productSku':
            case 'productName':
            case 'productCategory':
                $key = strtolower(substr($field, 7));
                return array_column($v['order']['items'] ?? [], $key);
            case 'actions':
                return [count($v['actions'])];
            case 'visitDuration':
                return [$v['length']];
        }
        return [];
    }

    private static function matches(string $candidate, string $op, string $value): bool
    {
        switch ($op) {
            case '==':
                return strcasecmp($candidate, $value) === 0;
            case '!=':
                return strcasecmp($candidate, $value) !== 0;
            case '=@':
                return stripos($candidate, $value) !== false;
            case '!@':
                return stripos($candidate, $value) === false;
            case '=^':
                return stripos($candidate, $value) === 0;
            case '=$':
                return $value === '' || strcasecmp(substr($candidate, -strlen($value)), $value) === 0;
            case '<':
                return (float) $candidate < (float) $value;
            case '>':
                return (float) $candidate > (float) $value;
            case '<=':
                return (float) $candidate <= (float) $value;
            default:
                return (float) $candidate >= (float) $value;
        }
    }
}
