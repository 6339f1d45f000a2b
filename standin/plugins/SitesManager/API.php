<?php

declare(strict_types=1);

namespace Piwik\Plugins\SitesManager;

use Piwik\Access;
use Piwik\Exception\UnexpectedWebsiteFoundException;
use Piwik\Demo\Installation;
use Piwik\Piwik;

/**
 * SitesManager API of the stand-in: the demo installation's three sites (those of the bridge
 * recordings), filtered by the caller's access the way Matomo filters them.
 */
class API extends \Piwik\Plugin\API
{
    /** @return array<int, array<string, mixed>> every site as a super user sees it, by id */
    private function allSites(): array
    {
        return Installation::sites();
    }

    /** @param array<string, mixed> $site */
    private function present(array $site): array
    {
        if (!Piwik::hasUserSuperUserAccess()) {
            unset($site['creator_login']);
        }
        return $site;
    }

    public function getSitesWithAtLeastViewAccess($limit = false, $_restrictSitesToLogin = false)
    {
        $ids = Access::getInstance()->getSitesIdWithAtLeastViewAccess();
        $sites = array_values(array_intersect_key($this->allSites(), array_flip($ids)));
        $sites = array_map([$this, 'present'], $sites);
        return $limit ? array_slice($sites, 0, (int) $limit) : $sites;
    }

    public function getSiteFromId($idSite)
    {
        Piwik::checkUserHasViewAccess($idSite);
        $site = $this->allSites()[(int) $idSite] ?? null;
        if ($site === null) {
            throw new UnexpectedWebsiteFoundException("An unexpected website was found in the request: website id was set to '$idSite' .");
        }
        return $this->present($site);
    }

    /** Name, URL or group contains the pattern (case-insensitive), or the id equals a numeric pattern. */
    public function getPatternMatchSites($pattern, $limit = false, $sitesToExclude = [])
    {
        $pattern = (string) $pattern;
        $found = [];
        foreach ($this->getSitesWithAtLeastViewAccess() as $site) {
            if (in_array((int) $site['idsite'], array_map('intval', (array) $sitesToExclude), true)) {
                continue;
            }
            $haystacks = [$site['name'], $site['main_url'], $site['group']];
            $matches = is_numeric($pattern)
                ? (int) $site['idsite'] === (int) $pattern
                : count(array_filter($haystacks, static function ($h) use ($pattern) {
                    return stripos((string) $h, $pattern) !== false;
                })) > 0;
            if ($matches) {
                $found[] = $site;
            }
        }
        return $limit ? array_slice($found, 0, (int) $limit) : $found;
    }
}
