<?php

declare(strict_types=1);

namespace Piwik\Plugins\Diagnostics\Diagnostic;

interface Diagnostic
{
    /** @return DiagnosticResult[] */
    public function execute();
}
