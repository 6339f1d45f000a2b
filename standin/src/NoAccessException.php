<?php

declare(strict_types=1);

namespace Piwik;

use Piwik\Exception\InvalidRequestParameterException;
use Piwik\Http\HttpCodeException;

class NoAccessException extends InvalidRequestParameterException implements HttpCodeException
{
    public function __construct($message, $code = 401)
    {
        parent::__construct($message, $code);
    }
}
