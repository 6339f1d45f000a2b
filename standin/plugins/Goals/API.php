<?php

declare(strict_types=1);

namespace Piwik\Plugins\Goals;

use Piwik\Demo\Installation;
use Piwik\Piwik;

/** Goals API of the stand-in: the demo installation's goals (keyed by id, as Matomo's model hands them over). */
class API extends \Piwik\Plugin\API
{
    public function getGoals($idSite, $orderByName = false)
    {
        Piwik::checkUserHasViewAccess($idSite);
        return Installation::goals((int) $idSite);
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
