package dev.deepbuild.runtime.network;

import dev.deepbuild.build.result.Execution;
import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.runtime.data.Batches;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * One epoch of training: by the network itself, minibatch after minibatch, or with {@code
 * -Ddl.workers=N} by N replicas of it at once (DL4J's {@code ParallelWrapper} in its averaging
 * mode), an {@link EpochFit} that the training path's {@code TrainingBackends.start} picks: the epoch's minibatches are dealt to the replicas in turn and their parameters and
 * updater states averaged into the network after every minibatch each. The replicas train on
 * threads of their own, and two runs of one seed differed by 2% in the parameters of a small
 * network after two epochs: unlike one model, replicas are not reproducible, which the provenance
 * says ({@link Execution#reproducibility}). An epoch also
 * makes 1/N as many updates, each of N minibatches' worth, which changes the result (the
 * fingerprint holds the count).
 *
 * <p>The epoch's minibatches are copied as they come, since {@link Batches} reuses its buffers,
 * and handed to the wrapper through a short queue, so the split is never held twice.
 */
public final class ReplicaTraining {
  /** A marker after the epoch's last minibatch. */
  private static final INDArray[][] END = new INDArray[0][];

  private ReplicaTraining() {}

  /** Each epoch on {@code workers} replicas of {@code net}; empty for one model. */
  public static Optional<EpochFit> of(TrainableNetwork net, int workers) {
    if (workers == 1) {
      return Optional.empty();
    }
    return Optional.of((batches, progress) -> {
      Feed feed = new Feed(batches, progress, workers);
      net.accept(new Dl4jNetworks<Void>() {
        @Override
        public Void sequential(MultiLayerNetwork network) {
          fit(network, workers, wrapper -> wrapper.fit(feed.dataSets()));
          return null;
        }

        @Override
        public Void graph(ComputationGraph graph) {
          fit(graph, workers, wrapper -> wrapper.fit(feed.multiDataSets()));
          return null;
        }
      });
      feed.rethrow();
    });
  }

  private static void fit(Model model, int workers, Consumer<ParallelWrapper> epoch) {
    ParallelWrapper wrapper = new ParallelWrapper.Builder<>(model)
        .workers(workers)
        .trainingMode(ParallelWrapper.TrainingMode.AVERAGING)
        .averagingFrequency(1)
        .averageUpdaters(true)
        .reportScoreAfterAveraging(false)
        .prefetchBuffer(0)
        .build();
    try {
      epoch.accept(wrapper);
    } finally {
      wrapper.shutdown();
    }
  }

  /** The epoch's minibatches, copied by a producer thread into a short queue. */
  private static final class Feed {
    private final BlockingQueue<INDArray[][]> queue;
    private final Thread producer;
    private volatile Throwable failure;
    private INDArray[][] next;

    Feed(Batches.Epochs batches, IntConsumer progress, int workers) {
      this.queue = new ArrayBlockingQueue<>(2 * workers);
      this.producer = new Thread(() -> {
        try {
          batches.nextEpoch((features, labels) -> put(new INDArray[][] {copy(features), copy(labels)}),
              progress);
        } catch (Throwable e) {
          failure = e;
        } finally {
          put(END);
        }
      }, "deepbuild-replica-feed");
      producer.setDaemon(true);
      producer.start();
    }

    private void put(INDArray[][] batch) {
      try {
        queue.put(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while handing minibatches to the replicas", e);
      }
    }

    private static INDArray[] copy(INDArray[] arrays) {
      INDArray[] copies = new INDArray[arrays.length];
      for (int i = 0; i < arrays.length; i++) {
        copies[i] = arrays[i].detach().dup();
      }
      return copies;
    }

    boolean hasNext() {
      if (next == null) {
        try {
          next = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for a minibatch", e);
        }
      }
      return next != END;
    }

    INDArray[][] take() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException("the epoch has no more minibatches");
      }
      INDArray[][] batch = next;
      next = null;
      return batch;
    }

    void rethrow() {
      if (failure != null) {
        throw new DeepBuildException("Reading the epoch's minibatches failed: " + failure, failure);
      }
    }

    DataSetIterator dataSets() {
      return new OneEpoch() {
        @Override
        public DataSet next() {
          INDArray[][] batch = take();
          return new DataSet(batch[0][0], batch[1][0]);
        }
      };
    }

    MultiDataSetIterator multiDataSets() {
      return new MultiDataSetIterator() {
        @Override
        public boolean hasNext() {
          return Feed.this.hasNext();
        }

        @Override
        public MultiDataSet next() {
          INDArray[][] batch = take();
          return new MultiDataSet(batch[0], batch[1]);
        }

        @Override
        public MultiDataSet next(int num) {
          throw new UnsupportedOperationException("minibatches come in the epoch's own sizes");
        }

        @Override
        public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
          throw new UnsupportedOperationException("the minibatches come preprocessed");
        }

        @Override
        public MultiDataSetPreProcessor getPreProcessor() {
          return null;
        }

        @Override
        public boolean resetSupported() {
          return false;
        }

        @Override
        public boolean asyncSupported() {
          return false;
        }

        @Override
        public void reset() {
          throw new UnsupportedOperationException("one epoch is fed once");
        }
      };
    }

    /** A DataSetIterator over one epoch that DL4J must neither reset nor prefetch. */
    private abstract class OneEpoch implements DataSetIterator {
      @Override
      public boolean hasNext() {
        return Feed.this.hasNext();
      }

      @Override
      public DataSet next(int num) {
        throw new UnsupportedOperationException("minibatches come in the epoch's own sizes");
      }

      @Override
      public int inputColumns() {
        return -1;
      }

      @Override
      public int totalOutcomes() {
        return -1;
      }

      @Override
      public boolean resetSupported() {
        return false;
      }

      @Override
      public boolean asyncSupported() {
        return false;
      }

      @Override
      public void reset() {
        throw new UnsupportedOperationException("one epoch is fed once");
      }

      @Override
      public int batch() {
        return -1;
      }

      @Override
      public void setPreProcessor(DataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("the minibatches come preprocessed");
      }

      @Override
      public DataSetPreProcessor getPreProcessor() {
        return null;
      }

      @Override
      public List<String> getLabels() {
        return null;
      }
    }
  }
}
