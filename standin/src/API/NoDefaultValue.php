<?php

declare(strict_types=1);

namespace Piwik\API;

/** Marks a parameter without default value in the API metadata. */
class NoDefaultValue
{
}
