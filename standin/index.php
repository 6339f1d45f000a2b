<?php

declare(strict_types=1);

// Matomo stand-in front controller (see README.md): NOT Matomo.
require __DIR__ . '/bootstrap.php';

// lets tests see which php-fpm worker answered (stand-in only)
header('X-Standin-Worker: ' . getmypid());

try {
    $front = \Piwik\FrontController::getInstance();
    $front->init();
    $output = $front->dispatch();
    if ($output !== null) {
        echo $output;
    }
} catch (\Throwable $e) {
    \Piwik\ExceptionHandler::dieWithHtmlErrorPage($e);
}
