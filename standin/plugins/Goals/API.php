<?php

declare(strict_types=1);

namespace Piwik\Plugins\Goals;

use Piwik\Fixtures\Fixtures;
use Piwik\Piwik;

/**
 * Goals API of the stand-in: the fixtures' goals of sites 1 and 2 as Matomo's model hands them
 * over: keyed by goal id, revenue a float (the recordings of a real Matomo 5.1.2 show both).
 */
class API extends \Piwik\Plugin\API
{
    private const FILES = [1 => '07-viewer-Goals_getGoals.json', 2 => '08-viewer-Goals_getGoals.json'];

    public function getGoals($idSite, $orderByName = false)
    {
        Piwik::checkUserHasViewAccess($idSite);
        $file = self::FILES[(int) $idSite] ?? null;
        $goals = [];
        foreach ($file === null ? [] : Fixtures::response($file) as $goal) {
            $goal['revenue'] = (float) $goal['revenue'];
            $goals[(int) $goal['idgoal']] = $goal;
        }
        return $goals;
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
