<?php

declare(strict_types=1);

namespace Piwik\Plugins\SegmentEditor;

use Piwik\Demo\Installation;
use Piwik\Piwik;

/** SegmentEditor API of the stand-in: the demo installation's saved segments, filtered by site. */
class API extends \Piwik\Plugin\API
{
    public function getAll($idSite = false)
    {
        Piwik::checkUserHasViewAccess($idSite ?: 1);
        $segments = Installation::segments();
        $visible = array_filter($segments, static function (array $s) use ($idSite) {
            return (int) $s['enable_only_idsite'] === 0 || (int) $s['enable_only_idsite'] === (int) $idSite;
        });
        return array_values($visible);
    }
}
