<?php

declare(strict_types=1);

namespace Piwik\Plugins\Live;

use Piwik\Fixtures\Fixtures;
use Piwik\Piwik;

/** Live API of the stand-in: the captured visits of site 1. */
class API extends \Piwik\Plugin\API
{
    public function getLastVisitsDetails($idSite, $period = false, $date = false, $segment = false, $countVisitorsToFetch = false)
    {
        Piwik::checkUserHasViewAccess($idSite);
        return (int) $idSite === 1 ? Fixtures::response('29-viewer-Live_getLastVisitsDetails.json') : [];
    }
}
