<?php

declare(strict_types=1);

namespace Piwik\Plugins\SegmentEditor;

use Piwik\Fixtures\Fixtures;
use Piwik\Piwik;

/** SegmentEditor API of the stand-in: the fixtures' saved segments, filtered by site. */
class API extends \Piwik\Plugin\API
{
    public function getAll($idSite = false)
    {
        Piwik::checkUserHasViewAccess($idSite ?: 1);
        $segments = Fixtures::response('10-viewer-SegmentEditor_getAll.json');
        $visible = array_filter($segments, static function (array $s) use ($idSite) {
            return (int) $s['enable_only_idsite'] === 0 || (int) $s['enable_only_idsite'] === (int) $idSite;
        });
        return array_values($visible);
    }
}
