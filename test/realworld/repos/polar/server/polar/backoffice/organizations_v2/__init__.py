# Organizations V2 - Redesigned backoffice interface
