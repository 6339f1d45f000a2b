<?php

declare(strict_types=1);

namespace Piwik;

final class Version
{
    public const VERSION = '5.1.2';
    public const MAJOR_VERSION = 5;
}
