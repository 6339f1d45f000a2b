<?php

declare(strict_types=1);

namespace Piwik\Http;

interface HttpCodeException extends \Throwable
{
}
