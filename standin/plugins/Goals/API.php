<?php

declare(strict_types=1);

namespace Piwik\Plugins\Goals;

use Piwik\Fixtures\Fixtures;
use Piwik\Piwik;

/** Goals API of the stand-in: the fixtures' goals of sites 1 and 2, as database rows. */
class API extends \Piwik\Plugin\API
{
    private const FILES = [1 => '07-viewer-Goals_getGoals.json', 2 => '08-viewer-Goals_getGoals.json'];

    public function getGoals($idSite, $orderByName = false)
    {
        Piwik::checkUserHasViewAccess($idSite);
        $file = self::FILES[(int) $idSite] ?? null;
        return $file === null ? [] : array_map([Fixtures::class, 'asDatabaseRow'], Fixtures::response($file));
    }

    /** Unknown goals give null, as in Matomo. */
    public function getGoal($idSite, $idGoal)
    {
        foreach ($this->getGoals($idSite) as $goal) {
            if ((int) $goal['idgoal'] === (int) $idGoal) {
                return $goal;
            }
        }
        return null;
    }
}
