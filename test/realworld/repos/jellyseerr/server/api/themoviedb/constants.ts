export const ANIME_KEYWORD_ID = 210024;
