import { config } from 'dotenv'

config({ path: './test.env' })
