<?php

declare(strict_types=1);

namespace Piwik\Demo;

/**
 * What each report of the catalogue counts, read off a visit: its family (which units it counts:
 * visits, pageviews, events, site searches, ecommerce items, or one summary row), the label of
 * a unit, the label of its sub-row (for reports with subtables) and the segment that selects a
 * row. Reports of the catalogue not named here have no rows in the demo.
 */
final class Dimensions
{
    private const REFERRER_TYPES = ['direct' => 'Direct Entry', 'search' => 'Search Engines', 'website' => 'Websites',
        'campaign' => 'Campaigns', 'social' => 'Social Networks'];
    private const REFERRER_TYPE_IDS = ['direct' => 1, 'search' => 2, 'website' => 3, 'campaign' => 6, 'social' => 7];
    private const COUNTRIES = ['de' => 'Germany', 'us' => 'United States', 'nl' => 'Netherlands', 'gb' => 'United Kingdom',
        'at' => 'Austria', 'fr' => 'France', 'jp' => 'Japan', 'br' => 'Brazil'];
    private const CONTINENTS = ['de' => 'Europe', 'us' => 'North America', 'nl' => 'Europe', 'gb' => 'Europe',
        'at' => 'Europe', 'fr' => 'Europe', 'jp' => 'Asia', 'br' => 'South America'];
    private const LANGUAGES = ['de' => 'German', 'en' => 'English', 'nl' => 'Dutch', 'fr' => 'French', 'ja' => 'Japanese',
        'pt' => 'Portuguese'];
    private const DAYS = [1 => 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

    /** Reports whose rows are the sub-rows of another report's row (idSubtable). */
    public const SUBTABLES = [
        'Referrers.getKeywordsFromSearchEngineId' => 'Referrers.getSearchEngines',
        'Referrers.getKeywordsFromCampaignId' => 'Referrers.getCampaigns',
        'Referrers.getUrlsFromWebsiteId' => 'Referrers.getWebsites',
        'Referrers.getUrlsForSocial' => 'Referrers.getSocials',
        'Referrers.getSearchEnginesFromKeywordId' => 'Referrers.getKeywords',
        'Events.getActionFromCategoryId' => 'Events.getCategory',
        'Events.getNameFromCategoryId' => 'Events.getCategory',
        'Events.getNameFromActionId' => 'Events.getAction',
        'Events.getCategoryFromActionId' => 'Events.getAction',
        'Events.getActionFromNameId' => 'Events.getName',
        'Events.getCategoryFromNameId' => 'Events.getName',
    ];

    /**
     * @return array{family: string, label?: callable, child?: callable, segment?: callable, meta?: callable}|null
     */
    public static function of(string $method, array $params = []): ?array
    {
        $visit = static function (callable $label, callable $segment, ?callable $child = null, ?callable $meta = null) {
            return array_filter(['family' => 'visit', 'label' => $label, 'segment' => $segment, 'child' => $child, 'meta' => $meta]);
        };
        $ref = static function (array $types, callable $label) {
            return static function (array $v) use ($types, $label) {
                return in_array($v['referrer']['type'], $types, true) ? $label($v) : null;
            };
        };
        $eq = static function (string $field) {
            return static function (string $label) use ($field) {
                return $field . '==' . rawurlencode($label);
            };
        };
        $id = (string) ($params['idDimension'] ?? '');
        switch ($method) {
            case 'VisitsSummary.get':
            case 'VisitFrequency.get':
            case 'Goals.get':
            case 'PagePerformance.get':
            case 'Actions.get':
            case 'Referrers.get':
            case 'API.get':
                return ['family' => 'summary'];
            case 'MultiSites.getAll':
            case 'MultiSites.getOne':
                return ['family' => 'sites'];
            case 'Referrers.getReferrerType':
                return $visit(static function (array $v) {
                    return self::REFERRER_TYPES[$v['referrer']['type']];
                }, static function (string $label) {
                    return 'referrerType==' . array_search($label, self::REFERRER_TYPES, true);
                }, null, static function (string $label) {
                    return ['referrer_type' => self::REFERRER_TYPE_IDS[array_search($label, self::REFERRER_TYPES, true)]];
                });
            case 'Referrers.getAll':
                return $visit(static function (array $v) {
                    $r = $v['referrer'];
                    return $r['type'] === 'direct' ? 'Direct Entry' : ($r['type'] === 'search' && $r['keyword'] !== '' ? $r['keyword'] : $r['name']);
                }, $eq('referrerName'));
            case 'Referrers.getSearchEngines':
                return $visit($ref(['search'], static function (array $v) {
                    return $v['referrer']['name'];
                }), static function (string $label) {
                    return 'referrerType==search;referrerName==' . rawurlencode($label);
                }, static function (array $v) {
                    return $v['referrer']['keyword'] !== '' ? $v['referrer']['keyword'] : 'Keyword not defined';
                });
            case 'Referrers.getKeywords':
                return $visit($ref(['search'], static function (array $v) {
                    return $v['referrer']['keyword'] !== '' ? $v['referrer']['keyword'] : 'Keyword not defined';
                }), $eq('referrerKeyword'), static function (array $v) {
                    return $v['referrer']['name'];
                });
            case 'Referrers.getWebsites':
            case 'Referrers.getSocials':
                $type = $method === 'Referrers.getWebsites' ? 'website' : 'social';
                return $visit($ref([$type], static function (array $v) {
                    return $v['referrer']['name'];
                }), $eq('referrerName'), static function (array $v) {
                    return $v['referrer']['url'];
                });
            case 'Referrers.getCampaigns':
                return $visit($ref(['campaign'], static function (array $v) {
                    return $v['referrer']['name'];
                }), static function (string $label) {
                    return 'referrerType==campaign;referrerName==' . rawurlencode($label);
                }, static function (array $v) {
                    return $v['referrer']['keyword'];
                });
            case 'DevicesDetection.getType':
                return $visit(static function (array $v) {
                    return ucfirst($v['device']);
                }, static function (string $label) {
                    return 'deviceType==' . strtolower($label);
                });
            case 'DevicesDetection.getBrowsers':
                return $visit(static function (array $v) {
                    return $v['browser'];
                }, $eq('browserName'));
            case 'DevicesDetection.getOsFamilies':
                return $visit(static function (array $v) {
                    return $v['os'];
                }, $eq('operatingSystemName'));
            case 'Resolution.getResolution':
                return $visit(static function (array $v) {
                    return $v['resolution'];
                }, $eq('resolution'));
            case 'UserCountry.getCountry':
                return $visit(static function (array $v) {
                    return self::COUNTRIES[$v['country']];
                }, static function (string $label) {
                    return 'countryCode==' . array_search($label, self::COUNTRIES, true);
                }, null, static function (string $label) {
                    $code = array_search($label, self::COUNTRIES, true);
                    return ['code' => $code, 'logo' => "plugins/Morpheus/icons/dist/flags/$code.png"];
                });
            case 'UserCountry.getContinent':
                return $visit(static function (array $v) {
                    return self::CONTINENTS[$v['country']];
                }, $eq('continentName'));
            case 'UserLanguage.getLanguage':
                return $visit(static function (array $v) {
                    return self::LANGUAGES[substr($v['language'], 0, 2)];
                }, static function (string $label) {
                    $code = array_search($label, self::LANGUAGES, true);
                    return "languageCode==$code,languageCode=@$code-";
                });
            case 'UserLanguage.getLanguageCode':
                return $visit(static function (array $v) {
                    return $v['language'];
                }, $eq('languageCode'));
            case 'VisitTime.getVisitInformationPerServerTime':
            case 'VisitTime.getVisitInformationPerLocalTime':
                return $visit(static function (array $v) {
                    return sprintf('%02d', intdiv($v['second'], 3600));
                }, static function (string $label) {
                    return 'visitStartServerHour==' . (int) $label;
                });
            case 'VisitTime.getByDayOfWeek':
                return $visit(static function (array $v) {
                    return self::DAYS[(int) (new \DateTimeImmutable($v['day']))->format('N')];
                }, static function () {
                    return '';
                });
            case 'UserCountry.getRegion':
                return $visit(static function (array $v) {
                    return $v['region'] . ', ' . self::COUNTRIES[$v['country']];
                }, static function (string $label) {
                    return 'regionName==' . rawurlencode(explode(', ', $label)[0]);
                });
            case 'UserCountry.getCity':
                return $visit(static function (array $v) {
                    return $v['city'] . ', ' . $v['region'] . ', ' . self::COUNTRIES[$v['country']];
                }, static function (string $label) {
                    return 'city==' . rawurlencode(explode(', ', $label)[0]);
                });
            case 'DevicesDetection.getBrand':
                return $visit(static function (array $v) {
                    return $v['brand'];
                }, $eq('deviceBrand'));
            case 'DevicesDetection.getModel':
                return $visit(static function (array $v) {
                    return $v['brand'] === 'Unknown' ? $v['model'] : $v['brand'] . ' - ' . $v['model'];
                }, static function (string $label) {
                    return 'deviceModel==' . rawurlencode((string) preg_replace('/^.* - /', '', $label));
                });
            case 'DevicesDetection.getBrowserVersions':
                return $visit(static function (array $v) {
                    return $v['browser'] . ' ' . $v['browserVersion'];
                }, static function (string $label) {
                    return 'browserVersion==' . rawurlencode((string) preg_replace('/^.* /', '', $label));
                });
            case 'DevicesDetection.getBrowserEngines':
                return $visit(static function (array $v) {
                    return $v['engine'];
                }, $eq('browserEngine'));
            case 'DevicesDetection.getOsVersions':
                return $visit(static function (array $v) {
                    return trim($v['os'] . ' ' . $v['osVersion']);
                }, static function (string $label) {
                    return 'operatingSystemVersion==' . rawurlencode((string) preg_replace('/^.* /', '', $label));
                });
            case 'Resolution.getConfiguration':
                return $visit(static function (array $v) {
                    return $v['os'] . ';' . $v['browser'] . ';' . $v['resolution'];
                }, static function () {
                    return '';
                });
            case 'DevicePlugins.getPlugin':
                return $visit(static function (array $v) {
                    return $v['plugins'];
                }, static function (string $label) {
                    return 'devicePlugin==' . strtolower($label);
                });
            case 'VisitorInterest.getNumberOfVisitsPerVisitDuration':
                return $visit(static function (array $v) {
                    return self::bucket($v['length'], [[10, '0-10s'], [30, '11-30s'], [60, '31-60s'], [120, '1-2 min'], [240, '2-4 min'],
                        [420, '4-7 min'], [600, '7-10 min'], [900, '10-15 min'], [1800, '15-30 min']], '30+ min');
                }, static function () {
                    return '';
                });
            case 'VisitorInterest.getNumberOfVisitsByVisitCount':
            case 'Goals.getVisitsUntilConversion':
                $converted = $method === 'Goals.getVisitsUntilConversion' ? self::converted($params) : null;
                return $visit(static function (array $v) use ($converted) {
                    if ($converted !== null && !$converted($v)) {
                        return null;
                    }
                    return $v['visitCount'] . ($v['visitCount'] === 1 ? ' visit' : ' visits');
                }, static function (string $label) {
                    return 'visitCount==' . (int) $label;
                });
            case 'VisitorInterest.getNumberOfVisitsByDaysSinceLast':
            case 'Goals.getDaysToConversion':
                $converted = $method === 'Goals.getDaysToConversion' ? self::converted($params) : null;
                $field = $converted === null ? 'daysSinceLast' : 'daysSinceFirst';
                return $visit(static function (array $v) use ($converted, $field) {
                    if ($converted !== null && !$converted($v)) {
                        return null;
                    }
                    return $v[$field] . ($v[$field] === 1 ? ' day' : ' days');
                }, static function () {
                    return '';
                });
            case 'Contents.getContentNames':
            case 'Contents.getContentPieces':
                $field = $method === 'Contents.getContentNames' ? 'name' : 'piece';
                return ['family' => 'content', 'label' => static function (array $a) use ($field) {
                    return $a[$field];
                }, 'segment' => $eq($field === 'name' ? 'contentName' : 'contentPiece')];
            case 'Actions.getOutlinks':
                return ['family' => 'page', 'action' => 'outlink', 'label' => static function (array $a) {
                    return (string) parse_url($a['url'], PHP_URL_HOST);
                }, 'segment' => static function (string $label) {
                    return 'outlinkUrl=@' . rawurlencode($label);
                }];
            case 'Actions.getDownloads':
                return ['family' => 'page', 'action' => 'download', 'label' => static function (array $a) {
                    return $a['url'];
                }, 'segment' => static function (string $label) {
                    return 'downloadUrl=@' . rawurlencode($label);
                }];
            case 'Actions.getSiteSearchCategories':
                return ['family' => 'search', 'label' => static function (array $a) {
                    return $a['category'];
                }, 'segment' => $eq('siteSearchCategory')];
            case 'Actions.getPageUrlsFollowingSiteSearch':
            case 'Actions.getPageTitlesFollowingSiteSearch':
                $field = $method === 'Actions.getPageUrlsFollowingSiteSearch' ? 'url' : 'title';
                return ['family' => 'after_search', 'label' => static function (array $a) use ($field) {
                    return $a[$field];
                }, 'segment' => static function (string $label) use ($field) {
                    return ($field === 'url' ? 'pageUrl=@' : 'pageTitle==') . rawurlencode($label);
                }];
            case 'UserId.getUsers':
                return $visit(static function (array $v) {
                    return $v['userId'] !== '' ? $v['userId'] : null;
                }, $eq('userId'));
            case 'VisitorInterest.getNumberOfVisitsPerPage':
                return $visit(static function (array $v) {
                    $n = count(array_filter($v['actions'], static function (array $a) {
                        return $a['type'] === 'page';
                    }));
                    return $n === 1 ? '1 page' : ($n <= 5 ? "$n pages" : '6-7 pages');
                }, static function () {
                    return '';
                });
            case 'CustomDimensions.getCustomDimension':
                if ($id === '1') {
                    return $visit(static function (array $v) {
                        return $v['dimension1'] !== '' ? $v['dimension1'] : null;
                    }, static function (string $label) {
                        return 'dimension1==' . urlencode($label);
                    });
                }
                if ($id === '2') {
                    return ['family' => 'page', 'label' => static function (array $a) {
                        return $a['category'] !== '' ? $a['category'] : null;
                    }, 'segment' => $eq('dimension2'), 'time' => 'avg_time_on_dimension'];
                }
                return null;
            case 'Actions.getPageUrls':
            case 'Actions.getEntryPageUrls':
            case 'Actions.getExitPageUrls':
                return ['family' => 'page', 'only' => self::only($method), 'urls' => true,
                    'label' => static function (array $a) {
                        return $a['url'];
                    }];
            case 'Actions.getPageTitles':
            case 'Actions.getEntryPageTitles':
            case 'Actions.getExitPageTitles':
                // a real Matomo 5.1.2 wrote these labels with a leading space (recorded call 33)
                return ['family' => 'page', 'only' => self::only($method), 'label' => static function (array $a) {
                    return ' ' . $a['title'];
                }, 'segment' => static function (string $label) {
                    return 'pageTitle==' . rawurlencode(urlencode(ltrim($label)));
                }];
            case 'Actions.getSiteSearchKeywords':
                return ['family' => 'search', 'label' => static function (array $a) {
                    return $a['keyword'];
                }, 'segment' => static function (string $label) {
                    return 'siteSearchKeyword==' . urlencode($label);
                }];
            case 'Actions.getSiteSearchNoResultKeywords':
                return ['family' => 'search', 'label' => static function (array $a) {
                    return $a['results'] === 0 ? $a['keyword'] : null;
                }, 'segment' => static function (string $label) {
                    return 'siteSearchKeyword==' . urlencode($label);
                }];
            case 'Events.getCategory':
            case 'Events.getAction':
            case 'Events.getName':
                $field = strtolower(substr($method, 10));
                $order = ['category' => ['action', 'name'], 'action' => ['name', 'category'], 'name' => ['action', 'category']];
                return ['family' => 'event', 'label' => static function (array $a) use ($field) {
                    return (string) $a[$field];
                }, 'child' => static function (array $a) use ($field, $order) {
                    return (string) $a[$order[$field][0]];
                }, 'segment' => $eq('event' . ucfirst($field))];
            case 'Goals.getItemsSku':
            case 'Goals.getItemsName':
            case 'Goals.getItemsCategory':
                $field = strtolower(substr($method, 14));
                return ['family' => 'item', 'label' => static function (array $item) use ($field) {
                    return (string) $item[$field];
                }, 'segment' => $eq('product' . ucfirst($field))];
        }
        if (isset(self::SUBTABLES[$method])) {
            $parent = self::of(self::SUBTABLES[$method], $params);
            if ($parent !== null && isset($parent['child'])) {
                $subtable = $parent;
                if (substr($method, 0, 7) === 'Events.') {
                    // the second dimension named by the subtable report's own name
                    $field = strtolower((string) preg_replace('/^get([A-Z][a-z]+)From.*$/', '$1', substr($method, 7)));
                    $subtable['child'] = static function (array $a) use ($field) {
                        return (string) $a[$field];
                    };
                }
                return $subtable + ['parent' => self::SUBTABLES[$method]];
            }
        }
        return null;
    }

    private static function bucket(int $value, array $limits, string $last): string
    {
        foreach ($limits as [$max, $label]) {
            if ($value <= $max) {
                return $label;
            }
        }
        return $last;
    }

    /** Whether a visit converted the goal the report variant is for (any goal, an id, ecommerce). */
    private static function converted(array $params): callable
    {
        $goal = (string) ($params['idGoal'] ?? '');
        return static function (array $v) use ($goal) {
            if ($goal === 'ecommerceOrder' || $goal === '0') {
                return $v['order'] !== null;
            }
            if ($goal === 'ecommerceAbandonedCart') {
                return $v['cart'] !== null;
            }
            foreach ($v['conversions'] as $c) {
                if ($goal === '' || (string) $c['idgoal'] === $goal) {
                    return true;
                }
            }
            return $goal === '' && $v['order'] !== null;
        };
    }

    private static function only(string $method): string
    {
        return strpos($method, 'Entry') !== false ? 'entry' : (strpos($method, 'Exit') !== false ? 'exit' : '');
    }
}
