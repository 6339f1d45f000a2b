<?php

declare(strict_types=1);

namespace Piwik\Exception;

class UnexpectedWebsiteFoundException extends \Exception
{
}
