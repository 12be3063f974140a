"""Story clustering: group a stream of articles into stories, online and in arrival order.

    cluster_articles(articles) -> [Assignment(article, story, score, reason)]
    final_stories({article: story}, clusterer.moves) -> each article's story after merges and splits
    StoryClusterer(options).assign(batch)   # keeps its state between batches (the store uses it)

`features` turns an article into hashed term and name counts and a MinHash signature;
`stream` holds the clusterer: story centroids, the inverted index that finds candidate stories,
the near-duplicate (LSH) index, and retirement of old stories.
"""

from storydesk.cluster.drift import Split
from storydesk.cluster.features import ArticleFeatures, DocumentFrequencies, article_features, batch_features
from storydesk.cluster.stream import (
    Assignment,
    ClusterOptions,
    Merge,
    StoryClusterer,
    StoryState,
    cluster_articles,
    final_stories,
)

__all__ = [
    "Assignment", "ArticleFeatures", "Merge", "Split", "ClusterOptions", "DocumentFrequencies", "StoryClusterer", "StoryState",
    "article_features", "batch_features", "cluster_articles", "final_stories",
]
