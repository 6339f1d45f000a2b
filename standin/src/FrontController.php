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

    /**
     * A plugin controller action (the stand-in authenticates UI requests by token_auth too, in
     * place of Matomo's login session).
     */
    private function dispatchController(string $module, string $action): string
    {
        $class = "Piwik\\Plugins\\$module\\Controller";
        if (!preg_match('/^[A-Za-z]+$/', $module . $action) || !class_exists($class) || !method_exists($class, $action)) {
            http_response_code(404);
            return "Matomo stand-in: no such page.\n";
        }
        try {
            return (string) (new $class())->$action();
        } catch (NoAccessException $e) {
            http_response_code(401);
            return '<html><body><h1>Matomo stand-in</h1><p>' . htmlspecialchars($e->getMessage()) . '</p></body></html>';
        }
    }

    /** The API controller: default filter_limit, then the API request itself. */
    public function dispatch(): ?string
    {
        $module = (string) Common::getRequestVar('module', '', 'string');
        if ($module !== 'API') {
            return $this->dispatchController($module, (string) Common::getRequestVar('action', 'index', 'string'));
        }
        if (!isset($_GET['filter_limit'])) {
            $_GET['filter_limit'] = $_POST['filter_limit'] ?? 100;
        }
        $token = (string) Common::getRequestVar('token_auth', 'anonymous', 'string');
        $result = (new Request('token_auth=' . $token))->process();
        return is_array($result) ? var_export($result, true) : (is_scalar($result) || $result === null ? $result : null);
    }
}
