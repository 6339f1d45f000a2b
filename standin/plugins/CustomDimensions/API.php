<?php

declare(strict_types=1);

namespace Piwik\Plugins\CustomDimensions;

use Piwik\Fixtures\Fixtures;
use Piwik\Piwik;

/** CustomDimensions API of the stand-in: the fixtures' dimensions of sites 1 and 2. */
class API extends \Piwik\Plugin\API
{
    private const FILES = [
        1 => '11-viewer-CustomDimensions_getConfiguredCustomDimensions.json',
        2 => '12-viewer-CustomDimensions_getConfiguredCustomDimensions.json',
    ];

    public function getConfiguredCustomDimensions($idSite)
    {
        Piwik::checkUserHasViewAccess($idSite);
        $file = self::FILES[(int) $idSite] ?? null;
        return $file === null ? [] : Fixtures::response($file);
    }
}
