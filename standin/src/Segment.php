<?php

declare(strict_types=1);

namespace Piwik;

use Piwik\ArchiveProcessor\Rules;
use Piwik\Fixtures\Fixtures;

/**
 * The slice of Matomo's Segment the plugin uses. As in Matomo 5.1: the constructor refuses a
 * condition on a field Matomo does not know ("Segment 'x' is not a supported segment."), and
 * willBeArchived() is true when segments are archived on request or this one is pre-processed.
 */
class Segment
{
    /** @var string */
    private $definition;
    /** @var int[] */
    private $idSites;

    public function __construct($definition, $idSites)
    {
        $this->definition = (string) $definition;
        $this->idSites = array_map('intval', (array) $idSites);
        $known = array_column(Fixtures::response('30-viewer-API_getSegmentsMetadata.json'), 'segment');
        foreach (preg_split('/[;,]/', urldecode($this->definition)) as $condition) {
            if (!preg_match('/^([A-Za-z0-9_.]+)(==|!=|<=|>=|<|>|=@|!@|=\^|=\$)/', $condition, $m)) {
                throw new \Exception("The segment condition '$condition' is not valid.");
            }
            if (!in_array($m[1], $known, true)) {
                throw new \Exception("Segment '{$m[1]}' is not a supported segment.");
            }
        }
    }

    public function getString(): string
    {
        return urldecode($this->definition);
    }

    public function willBeArchived(): bool
    {
        return Rules::isBrowserArchivingAvailableForSegments()
            || Rules::isSegmentPreProcessed($this->idSites, $this);
    }
}
