<?php

declare(strict_types=1);

namespace Piwik;

use Piwik\API\Request;
use Piwik\Plugin\Manager;

/**
 * The request start-up of Matomo 5.1, reduced to what matters for API requests: plugins and their
 * events, authentication by token_auth from GET/POST (no Authorization header), the root API
 * request bookkeeping, then the API controller.
 */
class FrontController
{
    /** @var self|null */
    private static $instance;

    public static function getInstance(): self
    {
        return self::$instance ??= new self();
    }

    public function init(): void
    {
        Manager::getInstance()->loadActivatedPlugins();
        Piwik::postEvent('Request.dispatchCoreAndPluginUpdatesScreen');
        $token = (string) Common::getRequestVar('token_auth', '', 'string');
        if ($token !== '' && $token !== 'anonymous' && !Access::getInstance()->authenticateWithToken($token)) {
            throw new NoAccessException('Unable to authenticate with the provided token. It is either invalid or expired.');
        }
        // what the API plugin records on Platform.initialized
        Request::setIsRootRequestApiRequest(Request::getMethodIfApiRequest(null));
        Piwik::postEvent('Platform.initialized');
    }

    /** The API controller: default filter_limit, then the API request itself. */
    public function dispatch(): ?string
    {
        if (Common::getRequestVar('module', '', 'string') !== 'API') {
            http_response_code(404);
            return "Matomo stand-in: only module=API is served.\n";
        }
        if (!isset($_GET['filter_limit'])) {
            $_GET['filter_limit'] = $_POST['filter_limit'] ?? 100;
        }
        $token = (string) Common::getRequestVar('token_auth', 'anonymous', 'string');
        $result = (new Request('token_auth=' . $token))->process();
        return is_array($result) ? var_export($result, true) : (is_scalar($result) || $result === null ? $result : null);
    }
}
