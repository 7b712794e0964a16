# View modules for organizations
