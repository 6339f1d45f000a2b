<?php

declare(strict_types=1);

namespace Piwik\Http;

/** As in Matomo 5.0/5.1, the code is not passed on, so Matomo answers it with status 200. */
class BadRequestException extends \Exception implements HttpCodeException
{
    public function __construct($message, $code = 400)
    {
        parent::__construct($message);
    }
}
