<?php

declare(strict_types=1);

namespace Piwik\ArchiveProcessor;

use Piwik\Config;
use Piwik\Plugins\SegmentEditor\API as SegmentEditor;
use Piwik\Segment;

class Rules
{
    public static function isBrowserArchivingAvailableForSegments()
    {
        return !(Config::getInstance()->General['browser_archiving_disabled_enforce'] ?? false);
    }

    /**
     * Matomo compares the definition, raw and url-decoded, with the segments it archives: the
     * config's [Segments] and the saved segments (all of them when browser archiving is
     * enforced off, as SegmentEditor hands them to the cron archiver then).
     */
    public static function isSegmentPreProcessed(array $idSites, Segment $segment)
    {
        $definitions = (array) (Config::getInstance()->Segments['Segments'] ?? []);
        foreach ($idSites as $idSite) {
            foreach ((new SegmentEditor())->getAll($idSite) as $saved) {
                $definitions[] = $saved['definition'];
            }
        }
        $decoded = array_map('urldecode', $definitions);
        return in_array($segment->getString(), $definitions, true) || in_array($segment->getString(), $decoded, true);
    }
}
