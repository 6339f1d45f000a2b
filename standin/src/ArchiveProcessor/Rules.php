<?php

declare(strict_types=1);

namespace Piwik\ArchiveProcessor;

use Piwik\Config;

class Rules
{
    public static function isBrowserArchivingAvailableForSegments()
    {
        return !(Config::getInstance()->General['browser_archiving_disabled_enforce'] ?? false);
    }
}
