<?php

declare(strict_types=1);

namespace Piwik\Plugins\CustomDimensions;

use Piwik\Demo\Installation;
use Piwik\Piwik;

/** CustomDimensions API of the stand-in: the demo installation's dimensions. */
class API extends \Piwik\Plugin\API
{
    public function getConfiguredCustomDimensions($idSite)
    {
        Piwik::checkUserHasViewAccess($idSite);
        return Installation::dimensions((int) $idSite);
    }
}
